"""Corrections: the analyst merges, splits, renames, retypes and hides actors, fixes a quote's speaker,
and renames, merges, splits, adds or hides the issues of Actor positions."""

from __future__ import annotations

import streamlit as st

import ui
from lib.view import corrections as corr
from lib.view import frames
from lib.view.render import plain_md

PAGE = "Corrections"
SAID = "tg_corrections_said"
IMPORT_ROUND = "tg_corrections_import"

analysis, view = ui.page(
    "Corrections",
    PAGE,
    "Fix what the extraction got wrong about actors, speakers and issues. Every page shows the "
    "corrections at once, and they outlast a re-ingest: they are a file, not an edit of the data.",
)
current = ui.current_corrections()
actors = {a.id: a for a in analysis.actors}
names = {a.id: a.name for a in analysis.actors}
order = corr.actor_order(analysis.actors)
label = corr.actor_label(actors)

if ui.corrections_in_session():
    st.info(
        "This session has uploaded documents, so its corrections stay in this browser session only: "
        "download them below to keep them."
    )
else:
    st.caption(
        f"Saved to {plain_md(str(ui.corrections_path()))}, shared by every user of this dashboard "
        "and kept when the reports are ingested or extracted again."
    )
if said := st.session_state.pop(SAID, None):
    st.success(plain_md(said))


def commit(new: corr.Corrections, message: str) -> None:
    ui.save_corrections(new)
    st.session_state[SAID] = message
    st.rerun()


merge_tab, split_tab, rename_tab, hide_tab, speaker_tab, issues_tab = st.tabs(
    ["Merge", "Split", "Rename or retype", "Hide", "Quote speaker", "Issues"]
)
with merge_tab, st.form("c_merge_form"):
    st.caption(
        "Two names of one actor: the actors picked join the one kept (their names become its aliases)."
    )
    sources = st.multiselect("Actors to merge", order, format_func=label, key="c_merge_sources")
    target = st.selectbox("Into", order, index=None, format_func=label, key="c_merge_target")
    if st.form_submit_button("Merge"):
        moving = [s for s in sources if s != target]
        if target is None or not moving:
            st.warning("Pick the actors to merge and, apart from them, the actor they join.")
        else:
            new = corr.with_merge(current, moving, target, names)
            commit(new, f"Merged {', '.join(names[s] for s in moving)} into {names[target]}.")

with split_tab:
    st.caption(
        "One actor that is really two: the mentions written as the names picked (and the quotes "
        "those names speak) become a new actor named after the first. Undo a merge in the table below."
    )
    whole = st.selectbox("Actor", order, index=None, format_func=label, key="c_split_actor")
    if whole:
        seen = corr.surfaces_of(ui.corrected_rows(analysis, actor_id=whole), whole)
        with st.form("c_split_form"):
            moved = st.multiselect("Names to move out", seen, key="c_split_names")
            if st.form_submit_button("Split"):
                if not moved or len(moved) == len(seen):
                    st.warning("Pick some of the names, not all of them.")
                else:
                    new = corr.with_entry(current, "split", whole, moved, names)
                    commit(new, f"Split {', '.join(moved)} out of {names[whole]}.")

with rename_tab:
    picked = st.selectbox("Actor", order, index=None, format_func=label, key="c_rename_actor")
    if picked:
        with st.form("c_rename_form"):
            name = st.text_input("Name", value=names[picked], key=f"c_rename_name_{picked}")
            kind = st.selectbox(
                "Type",
                corr.ACTOR_TYPES,
                index=corr.ACTOR_TYPES.index(actors[picked].type)
                if actors[picked].type in corr.ACTOR_TYPES
                else 0,
                key=f"c_rename_type_{picked}",
            )
            st.caption("A place is not offered in the actor filters; the other types are.")
            if st.form_submit_button("Save"):
                new = current
                if name.strip() and name.strip() != names[picked]:
                    new = corr.with_entry(new, "rename", picked, name.strip(), names)
                if kind != actors[picked].type:
                    new = corr.with_entry(new, "retype", picked, kind, names)
                commit(new, f"Saved {name.strip() or names[picked]} ({kind}).")

with hide_tab, st.form("c_hide_form"):
    st.caption("Not an actor at all: hidden actors leave every list, and their quotes lose their speaker.")
    hidden = st.multiselect("Actors to hide", order, format_func=label, key="c_hide_actors")
    if st.form_submit_button("Hide") and hidden:
        new = current
        for aid in hidden:
            new = corr.with_entry(new, "hide", aid, None, names)
        commit(new, f"Hid {', '.join(names[h] for h in hidden)}.")

with speaker_tab:
    offered = frames.reports_in_view(analysis, view.filters, (st.session_state.get("c_speaker_doc"),))
    doc = st.selectbox("Report", offered.ids, format_func=ui.doc_label(analysis), key="c_speaker_doc")
    if offered.left_out:
        st.caption(frames.report_choices_note(offered))
    quotes = corr.document_quotes(ui.corrected_rows(analysis, doc_id=doc), doc) if doc else None
    if quotes is None or quotes.empty:
        st.info("No quotes in this report.")
    else:
        st.dataframe(quotes.drop(columns="key"), hide_index=True, key="c_speaker_table")
        rows = dict(zip(quotes["key"], quotes.itertuples(index=False), strict=True))
        with st.form("c_speaker_form"):
            key = st.selectbox(
                "Quote",
                list(rows),
                format_func=lambda k: (
                    f"{rows[k].speaker}: “{rows[k].quote[:80]}” (chars {rows[k].start}–{rows[k].end})"
                ),
                key="c_speaker_quote",
            )
            who = st.selectbox(
                "Said by",
                ["", *order],
                format_func=lambda a: label(a) if a else "(no speaker: leave it unattributed)",
                key="c_speaker_actor",
            )
            if st.form_submit_button("Reassign") and key:
                new = corr.with_entry(current, "speaker", key, who, names)
                commit(new, f"The quote at {key} is now said by {names.get(who, 'no one')}.")

with issues_tab:
    st.caption(
        "The columns of Actor positions: give an issue a clearer label, fold it into another (its "
        "statements then count toward the one kept), split the statements using some phrases out into "
        "an issue of their own, or hide one that is no issue. Undo any of them in the table below."
    )
    issue_names = {p.issue: p.issue_label for p in analysis.positions}
    issue_ids = sorted(issue_names, key=lambda i: issue_names[i].casefold())
    if not issue_ids:
        st.info("No issues yet: Actor positions has no columns to correct. Add one below.")
    else:
        issue = st.selectbox(
            "Issue",
            issue_ids,
            index=None,
            format_func=lambda i: issue_names[i],
            key="c_issue",
            placeholder="Pick an issue to relabel, merge, split or hide",
        )
        if issue:
            with st.form("c_issue_form"):
                new_label = st.text_input("Label", value=issue_names[issue], key=f"c_issue_label_{issue}")
                into = st.selectbox(
                    "Merge into",
                    ["", *(i for i in issue_ids if i != issue)],
                    format_func=lambda i: issue_names[i] if i else "(keep it apart)",
                    key=f"c_issue_into_{issue}",
                )
                split_text = st.text_input(
                    "Split out the statements using these phrases (separated by commas)",
                    key=f"c_issue_split_{issue}",
                    help="They become an issue of their own, labelled by the first phrase.",
                )
                drop = st.checkbox("Hide it: this is no issue", key=f"c_issue_hide_{issue}")
                if st.form_submit_button("Save"):
                    new = current
                    if drop:
                        new, said = corr.with_entry(new, "issue_hide", issue, None, names), "Hid"
                    elif into:
                        new, said = corr.with_entry(new, "issue_merge", issue, into, names), "Merged"
                    elif split_out := corr.phrases_of(split_text):
                        new, said = corr.with_entry(new, "issue_split", issue, split_out, names), "Split"
                    elif new_label.strip() and new_label.strip() != issue_names[issue]:
                        new, said = (
                            corr.with_entry(new, "issue_rename", issue, new_label.strip(), names),
                            "Renamed",
                        )
                    if new is current:
                        st.warning(
                            "Nothing to save: change the label, pick an issue to merge into, give "
                            "phrases to split out, or hide it."
                        )
                    else:
                        commit(new, f"{said} the issue “{issue_names[issue]}”.")
    with st.form("c_issue_add_form"):
        st.markdown("**Add an issue** the extraction did not find")
        added_label = st.text_input("Label", key="c_issue_add_label", placeholder="e.g. Water rights")
        added_text = st.text_input(
            "Phrases its statements use (separated by commas)",
            key="c_issue_add_phrases",
            placeholder="e.g. water rights, dam, irrigation",
            help="Every attributed statement using one of them (whole words, plurals too) is filed "
            "under the issue, with the stance read from its sentence.",
        )
        if st.form_submit_button("Add the issue"):
            cues = corr.phrases_of(added_text)
            if not added_label.strip() or not cues:
                st.warning("Give the issue a label and at least one phrase.")
            else:
                new = corr.with_entry(current, "issue_add", added_label.strip(), cues, names)
                commit(new, f"Added the issue “{added_label.strip()}”.")

rows_now = corr.rows(current, names)
st.subheader(f"Current corrections ({len(rows_now)})")
if not rows_now:
    st.caption("None yet.")
for n, row in enumerate(rows_now):
    text_col, undo_col = st.columns([6, 1], vertical_alignment="center")
    text_col.text(row["change"])
    if undo_col.button("Undo", key=f"c_undo_{n}_{row['kind']}_{row['key']}"):
        commit(corr.without(current, row["kind"], row["key"]), f"Undone: {row['change']}")

st.subheader("Export or import")
left, right = st.columns(2)
left.download_button(
    "Download corrections.yaml", corr.dumps(current).encode("utf-8"), corr.FILE_NAME, "application/yaml"
)
left.caption("Readable YAML: keep it with your notes, or import it into another dashboard.")
upload = right.file_uploader(
    "Import a corrections.yaml", type=["yaml", "yml"], key=f"c_import_{st.session_state.get(IMPORT_ROUND, 0)}"
)
how = right.radio(
    "Imported corrections", ["add to these", "replace these"], horizontal=True, key="c_import_how"
)
if upload is not None:
    st.session_state[IMPORT_ROUND] = st.session_state.get(IMPORT_ROUND, 0) + 1
    try:
        imported = corr.loads(upload.getvalue().decode("utf-8"))
    except (corr.CorrectionsError, UnicodeDecodeError) as err:
        st.error(plain_md(f"{upload.name} was not imported, nothing changed: {err}"))
    else:
        merged = imported if how == "replace these" else corr.combined(current, imported)
        commit(merged, f"Imported {len(corr.rows(imported, names))} correction(s) from {upload.name}.")
ui.share_box(view, PAGE)
