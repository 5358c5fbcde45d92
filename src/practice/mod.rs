//! `greenlight practice`: setting a session up (new or resumed), and the turn loop that
//! both front ends share. The REPL (`repl`) serves a person at a terminal; `script` serves
//! files, pipes and other programs (plain text or JSON Lines events).

mod repl;
mod screen;
mod script;
mod slash;

pub use slash::{COMMANDS, Parsed, Slash};

use crate::briefing::Briefing;
use crate::cli::PracticeArgs;
use crate::content::Library;
use crate::engine::Cast;
use crate::score::Rubric;
use crate::session::{Mode, Session, UndoRefused};
use crate::style::Palette;
use crate::transcript::{self, Journal};
use crate::{DEFAULT_SCENARIO, Error, Status};
use screen::Screen;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

/// What the loop does after a line.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// The conversation is over (either side ended it); the summary has been shown.
    Ended,
    /// The trainee left without ending: the transcript can be resumed.
    Left,
}

pub fn run(
    mut args: PracticeArgs,
    library: &Library,
    rubric: &Rubric,
    stdout: Palette,
    stderr: Palette,
) -> Result<Status, Error> {
    // rustyline writes escape sequences whenever stdin is a terminal, even into a pipe, so
    // the REPL is only for a terminal at both ends.
    let interactive = !args.json
        && args.input.is_none()
        && io::stdin().is_terminal()
        && io::stdout().is_terminal();
    if interactive {
        // Training takes a few hundred milliseconds; a trainee reading the briefing will
        // not notice it happen behind them.
        std::thread::spawn(|| {
            crate::classify::Classifier::bundled();
        });
    }
    loop {
        let (mut session, notes) = open(&args, library)?;
        for note in &notes {
            eprintln!(
                "{} {}",
                stderr.warn("greenlight:"),
                crate::style::clean(note)
            );
        }
        if !interactive {
            return script::run(&mut session, &args, rubric, stdout, stderr);
        }
        if !repl::run(&mut session, &args, rubric, stdout, stderr)? {
            return Ok(Status::Success);
        }
        // Again: the same scenario and mode, a fresh seed and transcript.
        args.scenario = Some(session.cast().scenario.id().to_string());
        args.mode = Some(session.mode());
        args.seed = None;
        args.resume = None;
        args.transcript = None;
        println!();
    }
}

/// A new session or a resumed one, and anything the trainee should be told about it.
fn open<'l>(
    args: &PracticeArgs,
    library: &'l Library,
) -> Result<(Session<'l>, Vec<String>), Error> {
    let mut notes = Vec::new();
    if let Some(path) = &args.resume {
        let loaded = transcript::load(path).map_err(|e| Error::Refused {
            message: e.to_string(),
            hint: "resume a transcript that greenlight wrote".into(),
        })?;
        let header = &loaded.header;
        let cast = cast(library, &header.scenario)?;
        let fingerprint = library.fingerprint(&header.scenario).unwrap_or_default();
        if fingerprint != header.content_hash {
            return Err(Error::Refused {
                message: format!(
                    "the content of scenario `{}` has changed since {} was made, so the conversation cannot be continued as it was",
                    header.scenario,
                    path.display()
                ),
                hint: format!(
                    "start a new session: greenlight practice --scenario {}",
                    header.scenario
                ),
            });
        }
        if let Some((reason, _)) = loaded.ended() {
            return Err(Error::Refused {
                message: format!(
                    "that conversation is over ({})",
                    crate::render::end_words(reason)
                ),
                hint: format!(
                    "start a new one: greenlight practice --scenario {}",
                    header.scenario
                ),
            });
        }
        if let Some(line) = loaded.dropped_line {
            notes.push(format!(
                "line {line} of {} was incomplete (the session stopped while writing it) and was dropped",
                path.display()
            ));
        }
        let journal = match Journal::reopen(path, &loaded) {
            Ok(journal) => journal,
            Err(err) => {
                notes.push(cannot_save(path, &err));
                Journal::in_memory()
            }
        };
        return Ok((Session::resume(cast, &loaded, journal), notes));
    }

    let scenario = args.scenario.as_deref().unwrap_or(DEFAULT_SCENARIO);
    let cast = cast(library, scenario)?;
    let seed = args.seed.unwrap_or_else(|| rand::random_range(1..100_000));
    let mode = args.mode.unwrap_or(Mode::Coach);
    let started = started();
    let header = Session::header(
        &cast,
        library.fingerprint(scenario).unwrap_or_default(),
        seed,
        mode,
        args.name.clone(),
        started.to_string(),
    );
    let path = match &args.transcript {
        Some(path) => {
            if path.exists() {
                return Err(Error::Refused {
                    message: format!("{} already exists", path.display()),
                    hint: format!(
                        "continue it with --resume {}, or choose another path",
                        path.display()
                    ),
                });
            }
            Some(path.clone())
        }
        None => crate::folders::transcripts()
            .map(|folder| default_path(&folder, scenario, seed, &started)),
    };
    let journal = match &path {
        Some(path) => Journal::create(path).unwrap_or_else(|err| {
            notes.push(cannot_save(path, &err));
            Journal::in_memory()
        }),
        None => {
            notes.push("no home folder to save the transcript in: practising in memory; /end offers another place to save it".into());
            Journal::in_memory()
        }
    };
    Ok((Session::start(cast, header, journal), notes))
}

fn cannot_save(path: &Path, err: &io::Error) -> String {
    format!(
        "cannot save the transcript to {}: {err}. Practising in memory; /end offers another place to save it",
        path.display()
    )
}

fn cast<'l>(library: &'l Library, id: &str) -> Result<Cast<'l>, Error> {
    Cast::from_library(library, id).ok_or_else(|| crate::commands::unknown_scenario(library, id))
}

/// Now, or `SOURCE_DATE_EPOCH` when set, so that scripted runs can be byte-identical.
fn started() -> jiff::Timestamp {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now)
}

fn default_path(folder: &Path, scenario: &str, seed: u64, started: &jiff::Timestamp) -> PathBuf {
    let stamp = started.strftime("%Y%m%d-%H%M%S");
    let mut path = folder.join(format!("{scenario}-{stamp}-seed{seed}.jsonl"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{scenario}-{stamp}-seed{seed}-{n}.jsonl"));
        n += 1;
    }
    path
}

/// One line from the trainee: a command or a turn.
fn handle(session: &mut Session, line: &str, screen: &mut dyn Screen) -> io::Result<Flow> {
    let line = line.trim_end_matches(['\r', '\n']);
    let spoken = match slash::parse(line) {
        None => line,
        Some(Parsed::Unknown { typed, suggestion }) => {
            let hint = suggestion.map_or(String::new(), |s| format!(" Did you mean {s}?"));
            screen.info(
                "unknown",
                &format!("There is no {typed} command.{hint} /help lists them."),
            )?;
            return Ok(Flow::Continue);
        }
        Some(Parsed::Command(command)) => match command {
            Slash::Silence => "",
            Slash::Help => {
                screen.info("help", &crate::render::help())?;
                return Ok(Flow::Continue);
            }
            Slash::Hint => {
                if session.mode() == Mode::Coach {
                    screen.hint(&session.hint())?;
                } else {
                    screen.info(
                        "hint",
                        &format!(
                            "No hints in {} mode: read the person in front of you.",
                            session.mode()
                        ),
                    )?;
                }
                return Ok(Flow::Continue);
            }
            Slash::Why => {
                match session.turns().last() {
                    Some(turn) if session.mode() != Mode::Exam => screen.why(turn)?,
                    Some(_) => screen.info(
                        "why",
                        "No explanations in exam mode: the scorecard at the end explains.",
                    )?,
                    None => screen.info("why", "Nothing to explain yet: say something first.")?,
                }
                return Ok(Flow::Continue);
            }
            Slash::Undo => {
                match session.undo() {
                    Ok(turn) => screen.undone(&turn)?,
                    Err(UndoRefused::ExamMode) => screen.info("undo", "No undo in exam mode.")?,
                    Err(UndoRefused::NothingToUndo) => {
                        screen.info("undo", "Nothing to take back yet.")?
                    }
                    Err(UndoRefused::ConversationOver) => {
                        screen.info("undo", "The conversation is over.")?
                    }
                }
                report_failure(session, screen)?;
                return Ok(Flow::Continue);
            }
            Slash::Status => {
                screen.status(session)?;
                return Ok(Flow::Continue);
            }
            Slash::Brief => {
                let cast = session.cast();
                screen.brief(&Briefing::new(cast.scenario, cast.persona))?;
                return Ok(Flow::Continue);
            }
            Slash::End => {
                session.finish();
                report_failure(session, screen)?;
                screen.ended(session)?;
                return Ok(Flow::Ended);
            }
            Slash::Quit => {
                screen.left(session)?;
                return Ok(Flow::Left);
            }
        },
    };
    let turn = session.say(spoken);
    screen.turn(&turn, session.cast().persona.called(), session.mode())?;
    report_failure(session, screen)?;
    if session.is_over() {
        screen.ended(session)?;
        return Ok(Flow::Ended);
    }
    Ok(Flow::Continue)
}

/// Tells the trainee, once, that the transcript could not be written.
fn report_failure(session: &mut Session, screen: &mut dyn Screen) -> io::Result<()> {
    if let Some(failed) = session.take_failure() {
        screen.warn(&format!(
            "cannot write the transcript to {}: {}. Practising in memory from here; /end offers another place to save it.",
            failed.path.display(),
            failed.error
        ))?;
    }
    Ok(())
}
