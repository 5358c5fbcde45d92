use crate::content::Library;
use crate::output::Out;
use crate::render;
use crate::replay::{Altered, replay as rebuild};
use crate::score::{Rubric, Scorecard, score as score_of};
use crate::style::{Palette, clean};
use crate::transcript::{self, Loaded};
use crate::{Error, Status};
use serde_json::json;
use std::path::{Path, PathBuf};

pub enum Format {
    Text,
    Json,
    Csv,
}

impl Format {
    pub fn pick(json: bool, csv: bool) -> Format {
        match (json, csv) {
            (true, _) => Format::Json,
            (_, true) => Format::Csv,
            _ => Format::Text,
        }
    }
}

/// The bundled rubric, or a trainer's.
pub fn load_rubric(path: Option<&Path>) -> Result<Rubric, Error> {
    let parsed = match path {
        None => Rubric::bundled(),
        Some(path) => {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| Error::Input {
                what: shown.clone(),
                source,
            })?;
            Rubric::parse(&shown, &text)
        }
    };
    parsed.map_err(Error::Content)
}

/// One transcript, scored, or why it could not be.
enum Result1<'l> {
    Scored(Box<(Loaded, crate::replay::Replayed<'l>, Scorecard)>),
    Unreadable(String),
    Altered(Altered),
}

fn evaluate<'l>(library: &'l Library, path: &Path, rubric: &Rubric) -> Result1<'l> {
    let loaded = match transcript::load(path) {
        Ok(loaded) => loaded,
        Err(err) => return Result1::Unreadable(err.to_string()),
    };
    match rebuild(library, &loaded) {
        Ok(replayed) => {
            let card = score_of(&replayed.cast, &replayed.turns, &replayed.state, rubric);
            Result1::Scored(Box::new((loaded, replayed, card)))
        }
        Err(altered) => Result1::Altered(altered),
    }
}

pub fn score(
    library: &Library,
    paths: &[PathBuf],
    format: Format,
    rubric: &Rubric,
    stdout: &Palette,
    stderr: &Palette,
    out: &mut Out,
) -> Result<Status, Error> {
    let mut failed = false;
    let mut table = csv::Writer::from_writer(Vec::new());
    let columns = 12 + rubric.area.len();
    if matches!(format, Format::Csv) {
        let mut header = vec![
            "transcript",
            "status",
            "scenario",
            "trainee",
            "seed",
            "mode",
            "total",
            "outcome",
            "pressured",
            "turns",
            "talk_share",
        ];
        header.extend(rubric.area.iter().map(|a| a.id.as_str()));
        header.push("findings");
        table.write_record(&header).map_err(csv_error)?;
    }
    for path in paths {
        let shown = path.display().to_string();
        let result = evaluate(library, path, rubric);
        let scored = match &result {
            Result1::Scored(scored) => scored,
            Result1::Altered(altered) => {
                failed = true;
                let reason = format!("altered: {altered}");
                report_failure(
                    &format, columns, &mut table, out, stderr, &shown, "altered", &reason,
                )?;
                continue;
            }
            Result1::Unreadable(reason) => {
                failed = true;
                report_failure(
                    &format,
                    columns,
                    &mut table,
                    out,
                    stderr,
                    &shown,
                    "unreadable",
                    reason,
                )?;
                continue;
            }
        };
        match &format {
            Format::Text => {
                let (loaded, replayed, card) = scored.as_ref();
                let who = loaded
                    .header
                    .trainee
                    .as_deref()
                    .map(|t| format!(" · {}", clean(t)))
                    .unwrap_or_default();
                out.line(&stdout.heading(&format!(
                    "{} · {}{who} · seed {}",
                    clean(&shown),
                    clean(&replayed.cast.scenario.title),
                    loaded.header.seed
                )))?;
                out.line(render::scorecard(card, stdout, render::width()).trim_end())?;
                out.line("")?;
            }
            Format::Json => {
                let (loaded, _, card) = scored.as_ref();
                let mut value = serde_json::to_value(card).unwrap_or_default();
                if let Some(object) = value.as_object_mut() {
                    object.insert("transcript".into(), json!(shown));
                    object.insert("status".into(), json!("scored"));
                    object.insert("scenario".into(), json!(loaded.header.scenario));
                    object.insert("trainee".into(), json!(loaded.header.trainee));
                }
                out.json(&value)?;
            }
            Format::Csv => {
                let (loaded, _, card) = scored.as_ref();
                let h = &loaded.header;
                let mut row = vec![
                    shown.clone(),
                    "scored".into(),
                    h.scenario.clone(),
                    h.trainee.clone().unwrap_or_default(),
                    h.seed.to_string(),
                    h.mode.clone(),
                    card.total.to_string(),
                    serde_json::to_value(card.outcome)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    card.pressured.to_string(),
                    card.metrics.turns.to_string(),
                    card.metrics.talk_share.to_string(),
                ];
                row.extend(
                    card.areas
                        .iter()
                        .map(|a| a.score.map_or_else(String::new, |s| s.to_string())),
                );
                row.push(
                    card.findings
                        .iter()
                        .filter(|f| !f.good)
                        .map(|f| f.code.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                table.write_record(&row).map_err(csv_error)?;
            }
        }
    }
    if matches!(format, Format::Csv) {
        let bytes = table
            .into_inner()
            .map_err(|e| Error::Output(std::io::Error::other(e.to_string())))?;
        std::io::Write::write_all(out.raw(), &bytes)?;
    }
    Ok(if failed {
        Status::Failure
    } else {
        Status::Success
    })
}

fn csv_error(err: csv::Error) -> Error {
    Error::Output(std::io::Error::other(err.to_string()))
}

#[allow(clippy::too_many_arguments)]
fn report_failure(
    format: &Format,
    columns: usize,
    table: &mut csv::Writer<Vec<u8>>,
    out: &mut Out,
    stderr: &Palette,
    path: &str,
    status: &str,
    reason: &str,
) -> Result<(), Error> {
    match format {
        Format::Json => {
            out.json(&json!({"transcript": path, "status": status, "reason": reason}))?
        }
        Format::Csv => {
            // As many fields as the header, the reason where the findings would be.
            let mut row = vec![String::new(); columns];
            row[0] = path.to_owned();
            row[1] = status.to_owned();
            if let Some(last) = row.last_mut() {
                *last = reason.to_owned();
            }
            table.write_record(&row).map_err(csv_error)?;
        }
        Format::Text => {}
    }
    eprintln!(
        "{} {}: {}",
        stderr.error("greenlight:"),
        clean(path),
        clean(reason)
    );
    if status == "altered" {
        eprintln!(
            "  {} a transcript is scored by replaying its lines; this one no longer replays as recorded",
            stderr.hint("hint:")
        );
    }
    Ok(())
}

pub fn replay(
    library: &Library,
    path: &Path,
    json: bool,
    rubric: &Rubric,
    palette: &Palette,
    out: &mut Out,
) -> Result<Status, Error> {
    let shown = path.display().to_string();
    let loaded = transcript::load(path).map_err(|e| Error::Refused {
        message: e.to_string(),
        hint: "replay a transcript that greenlight wrote".into(),
    })?;
    let replayed = rebuild(library, &loaded).map_err(|altered| Error::Refused {
        message: format!("{shown}: altered: {altered}"),
        hint: "a transcript is replayed from its lines; this one no longer replays as recorded"
            .into(),
    })?;
    let card = score_of(&replayed.cast, &replayed.turns, &replayed.state, rubric);
    if json {
        out.json(&json!({"transcript": shown, "turns": replayed.turns, "score": card}))?;
        return Ok(Status::Success);
    }
    let width = render::width();
    let name = replayed.cast.persona.called();
    out.line(&palette.heading(&format!(
        "{} · {} · seed {}",
        clean(&shown),
        clean(&replayed.cast.scenario.title),
        loaded.header.seed
    )))?;
    for turn in &replayed.turns {
        let moves: Vec<&str> = turn.reading.moves.iter().map(|m| m.id()).collect();
        out.line("")?;
        out.line(&format!(
            "{:>3} {} {}",
            turn.turn,
            palette.heading("you ›"),
            clean(&turn.reading.text)
        ))?;
        out.line(
            &palette.quiet(
                &format!(
                    "    read as {} · {} · {:?}",
                    moves.join(", "),
                    turn.step,
                    turn.light
                )
                .to_lowercase(),
            ),
        )?;
        out.line(
            render::turn(turn, name, crate::session::Mode::Realistic, palette, width).trim_end(),
        )?;
        for finding in card.findings.iter().filter(|f| f.turn == Some(turn.turn)) {
            let mark = if finding.good {
                palette.good("✓")
            } else {
                palette.warn("→")
            };
            out.line(&format!(
                "    {mark} {}",
                render::wrap(&clean(&finding.message), width, 6)
            ))?;
        }
    }
    out.line("")?;
    out.line(render::scorecard(&card, palette, width).trim_end())?;
    Ok(Status::Success)
}
