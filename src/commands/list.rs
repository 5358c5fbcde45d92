use super::table;
use crate::cli::Listing;
use crate::content::{Entry, Library};
use crate::output::Out;
use crate::style::{Palette, clean};
use crate::{Error, Status};
use serde::Serialize;

#[derive(Serialize)]
struct ScenarioRow<'a> {
    id: &'a str,
    title: &'a str,
    persona: &'a str,
    difficulty: &'a str,
    summary: &'a str,
    start_step: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct PersonaRow<'a> {
    id: &'a str,
    name: &'a str,
    role: &'a str,
    portrait: &'a str,
    stakes: usize,
    objections: usize,
    source: &'a str,
}

#[derive(Serialize)]
struct ModelRow<'a> {
    id: &'a str,
    title: &'a str,
    credit: &'a str,
    source: &'a str,
}

/// Where an entry came from, as a person reads it.
fn source<T>(entry: &Entry<T>) -> &str {
    if entry.is_bundled() {
        "bundled"
    } else {
        entry.path()
    }
}

pub fn list(
    library: &Library,
    what: Listing,
    json: bool,
    palette: &Palette,
    out: &mut Out,
) -> Result<Status, Error> {
    match what {
        Listing::Scenarios => {
            // Easiest first: how a newcomer should meet them.
            let mut entries: Vec<_> = library.scenarios.values().collect();
            entries.sort_by_key(|e| (e.item.difficulty, e.item.id()));
            let rows: Vec<ScenarioRow> = entries
                .into_iter()
                .map(|e| ScenarioRow {
                    id: e.item.id().as_str(),
                    title: &e.item.title,
                    persona: e.item.persona_id().as_str(),
                    difficulty: e.item.difficulty.id(),
                    summary: &e.item.summary,
                    start_step: e.item.start_step().id(),
                    source: source(e),
                })
                .collect();
            if json {
                out.json(&rows)?;
            } else {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            r.difficulty.to_owned(),
                            clean(r.title),
                            r.persona.to_owned(),
                            clean(r.summary),
                        ]
                    })
                    .collect();
                for line in table(
                    &["ID", "LEVEL", "TITLE", "PERSONA", "SUMMARY"],
                    &cells,
                    palette,
                ) {
                    out.line(&line)?;
                }
            }
        }
        Listing::Personas => {
            let rows: Vec<PersonaRow> = library
                .personas
                .values()
                .map(|e| PersonaRow {
                    id: e.item.id().as_str(),
                    name: &e.item.name,
                    role: &e.item.role,
                    portrait: &e.item.portrait,
                    stakes: e.item.stakes.get_ref().len(),
                    objections: e.item.objections.len(),
                    source: source(e),
                })
                .collect();
            if json {
                out.json(&rows)?;
            } else {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            clean(r.name),
                            r.stakes.to_string(),
                            r.objections.to_string(),
                            clean(r.source),
                            clean(r.role),
                        ]
                    })
                    .collect();
                let header = ["ID", "NAME", "STAKES", "OBJECTIONS", "FROM", "ROLE"];
                for line in table(&header, &cells, palette) {
                    out.line(&line)?;
                }
            }
        }
        Listing::Models => {
            let rows: Vec<ModelRow> = library
                .models
                .values()
                .map(|e| ModelRow {
                    id: e.item.id().as_str(),
                    title: &e.item.title,
                    credit: &e.item.credit,
                    source: source(e),
                })
                .collect();
            if json {
                out.json(&rows)?;
            } else {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| vec![r.id.to_owned(), clean(r.source), clean(r.title)])
                    .collect();
                for line in table(&["ID", "FROM", "TITLE"], &cells, palette) {
                    out.line(&line)?;
                }
            }
        }
    }
    Ok(Status::Success)
}
