//! One function per subcommand. Each loads what it needs, writes through [`Out`], and
//! returns a [`Status`] or an [`Error`] for [`crate::run`] to turn into an exit code.

mod check;
mod classify;
mod list;
mod score;
mod show;

pub use show::unknown_scenario;

use crate::cli::{Cli, Command};
use crate::content::{self, ContentPaths, Library};
use crate::output::Out;
use crate::style::Palette;
use crate::{Error, Status};
use clap::CommandFactory;
use std::io::Write;

pub fn dispatch(cli: Cli, stdout: Palette, stderr: Palette) -> Result<Status, Error> {
    let paths = ContentPaths::from_env(cli.content);
    let mut out = Out::stdout();
    let outcome = match cli.command {
        None => {
            let rubric = score::load_rubric(None)?;
            crate::practice::run(Default::default(), &load(&paths)?, &rubric, stdout, stderr)?
        }
        Some(Command::Practice(args)) => {
            let rubric = score::load_rubric(args.rubric.as_deref())?;
            crate::practice::run(args, &load(&paths)?, &rubric, stdout, stderr)?
        }
        Some(Command::List { what, json }) => {
            list::list(&load(&paths)?, what, json, &stdout, &mut out)?
        }
        Some(Command::Show { scenario, json }) => {
            show::show(&load(&paths)?, &scenario, json, &stdout, &mut out)?
        }
        Some(Command::Classify {
            text,
            json,
            explain,
        }) => classify::classify(&text, json, explain, &stdout, &mut out)?,
        Some(Command::Score {
            transcripts,
            json,
            csv,
            rubric,
        }) => {
            let rubric = score::load_rubric(rubric.as_deref())?;
            score::score(
                &load(&paths)?,
                &transcripts,
                score::Format::pick(json, csv),
                &rubric,
                &stdout,
                &stderr,
                &mut out,
            )?
        }
        Some(Command::Replay {
            transcript,
            json,
            rubric,
        }) => {
            let rubric = score::load_rubric(rubric.as_deref())?;
            score::replay(
                &load(&paths)?,
                &transcript,
                json,
                &rubric,
                &stdout,
                &mut out,
            )?
        }
        Some(Command::Check { paths: files, json }) => {
            check::check(&paths, &files, json, &stdout, &stderr, &mut out)?
        }
        // Both render into memory first: clap_complete panics if its writer fails, and a
        // closed pipe must end quietly.
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "greenlight", &mut script);
            out.raw().write_all(&script)?;
            Status::Success
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            out.raw().write_all(&page)?;
            Status::Success
        }
    };
    out.flush()?;
    Ok(outcome)
}

/// Everything, or every problem found on the way.
fn load(paths: &ContentPaths) -> Result<Library, Error> {
    let loaded = content::load(paths);
    if loaded.is_clean() {
        Ok(loaded.library)
    } else {
        Err(Error::Content(loaded.diagnostics))
    }
}

/// Rows as aligned columns, the last column unpadded.
fn table(header: &[&str], rows: &[Vec<String>], palette: &Palette) -> Vec<String> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let last = cells.len().saturating_sub(1);
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == last {
                    c.clone()
                } else {
                    format!("{c}{}", " ".repeat(widths[i] - c.chars().count() + 2))
                }
            })
            .collect::<String>()
    };
    let mut lines = vec![palette.heading(&line(header.iter().map(|h| h.to_string()).collect()))];
    lines.extend(rows.iter().map(|r| line(r.clone())));
    lines
}
