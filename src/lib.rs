//! greenlight: practise one-on-one organizing conversations against scripted personas.
//!
//! The library holds all behaviour; `main.rs` only parses the command line and calls
//! [`run`]. Modules, by what a trainer would call them:
//!
//! - [`content`]: personas, scenarios and the model, loaded from TOML and checked.
//! - [`moves`]: the organizer moves a trainee's line is read as.
//! - [`briefing`]: what a trainee is told before a conversation.
//! - [`commands`]: one function per subcommand.
//! - [`style`], [`render`], [`output`]: how things reach a terminal or a pipe.

pub mod briefing;
pub mod classify;
pub mod cli;
pub mod commands;
pub mod content;
pub mod engine;
pub mod folders;
mod hash;
pub mod moves;
pub mod output;
pub mod practice;
pub mod render;
pub mod replay;
pub mod score;
pub mod session;
pub mod style;
pub mod transcript;

use content::Diagnostic;
use std::io;
use std::process::ExitCode;
use style::{Palette, Stream};

/// The scenario `greenlight` opens with no arguments: easy, warm, a good first lesson.
pub const DEFAULT_SCENARIO: &str = "boiler-4c";

/// Everything that can stop a command, rendered once, in `report`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the content has {} problem{}", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Content(Vec<Diagnostic>),
    #[error("no scenario `{id}`")]
    UnknownScenario { id: String, hint: String },
    /// Something the trainee asked for that cannot be done as asked.
    #[error("{message}")]
    Refused { message: String, hint: String },
    #[error("cannot read {what}: {source}")]
    Input { what: String, source: io::Error },
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
}

/// How a command that ran to the end went (not to be confused with a conversation's
/// [`engine::Outcome`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Success,
    /// It ran, and what it found is a failure (a check found problems).
    Failure,
}

/// Runs the parsed command line and turns the result into an exit code: 0 success,
/// 1 failure. (clap exits 2 on usage errors before this is reached.)
pub fn run(cli: cli::Cli) -> ExitCode {
    let stdout = Palette::for_stream(cli.color, Stream::Stdout);
    let stderr = Palette::for_stream(cli.color, Stream::Stderr);
    match commands::dispatch(cli, stdout, stderr) {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Failure) => ExitCode::FAILURE,
        Err(Error::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            report(&err, &stderr);
            ExitCode::FAILURE
        }
    }
}

/// The one place errors are written for a person.
fn report(err: &Error, palette: &Palette) {
    let mut text = String::new();
    if let Error::Content(diagnostics) = err {
        for d in diagnostics {
            text.push_str(&d.render(palette));
        }
    }
    text.push_str(&format!(
        "{} {}\n",
        palette.error("greenlight:"),
        style::clean(&err.to_string())
    ));
    match err {
        Error::Content(_) => text.push_str(&format!(
            "  {} fix the files above; `greenlight check` lists every problem\n",
            palette.hint("hint:")
        )),
        Error::UnknownScenario { hint, .. } | Error::Refused { hint, .. } => {
            text.push_str(&format!(
                "  {} {}\n",
                palette.hint("hint:"),
                style::clean(hint)
            ));
        }
        Error::Input { source, .. } if source.kind() == io::ErrorKind::InvalidData => {
            text.push_str(&format!(
                "  {} the input must be UTF-8 text\n",
                palette.hint("hint:")
            ));
        }
        Error::Output(_) | Error::Input { .. } => {}
    }
    eprint!("{text}");
}
