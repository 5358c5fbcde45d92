//! The practice REPL: line editing, history, completion of slash commands, and the
//! conventions of a terminal program (Ctrl-C clears the line; twice, or Ctrl-D, asks
//! whether to finish or leave). Every turn is on disk before the next prompt, so a
//! Ctrl-C that kills the process loses nothing.

use super::screen::{PlainScreen, Screen};
use super::{COMMANDS, Flow, handle};
use crate::Error;
use crate::briefing::Briefing;
use crate::cli::PracticeArgs;
use crate::output::Out;
use crate::render;
use crate::score::Rubric;
use crate::session::Session;
use crate::style::{Palette, clean};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::path::PathBuf;

/// Completes and hints slash commands.
struct SlashHelper {
    palette: Palette,
}

impl Completer for SlashHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let typed = &line[..pos];
        if !typed.starts_with('/') || typed.contains(' ') {
            return Ok((0, Vec::new()));
        }
        let candidates = COMMANDS
            .iter()
            .filter(|(_, name, _)| name.starts_with(typed))
            .map(|(_, name, _)| Pair {
                display: name.to_string(),
                replacement: name.to_string(),
            })
            .collect();
        Ok((0, candidates))
    }
}

impl Hinter for SlashHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, _: &Context<'_>) -> Option<String> {
        if pos < line.len() || !line.starts_with('/') || line.len() < 2 {
            return None;
        }
        let mut matches = COMMANDS
            .iter()
            .filter(|(_, name, _)| name.starts_with(line));
        match (matches.next(), matches.next()) {
            (Some((_, name, what)), None) => Some(format!("{}  {what}", &name[line.len()..])),
            _ => None,
        }
    }
}

impl Highlighter for SlashHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(self.palette.quiet(hint))
    }
}

impl Validator for SlashHelper {}
impl Helper for SlashHelper {}

/// What the trainee chose when asked how to stop.
enum Stop {
    Finish,
    Leave,
}

/// Runs one session. Returns whether the trainee wants to practise again.
pub fn run(
    session: &mut Session,
    args: &PracticeArgs,
    rubric: &Rubric,
    stdout: Palette,
    stderr: Palette,
) -> Result<bool, Error> {
    let terminal = |err: ReadlineError| Error::Input {
        what: "the terminal".into(),
        source: std::io::Error::other(err.to_string()),
    };
    let config = Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .max_history_size(2000)
        .map_err(terminal)?
        .build();
    let mut editor: Editor<SlashHelper, FileHistory> =
        Editor::with_config(config).map_err(terminal)?;
    editor.set_helper(Some(SlashHelper { palette: stdout }));
    let history = history_path(args);
    if let Some(path) = &history {
        // No history yet is normal.
        let _ = editor.load_history(path);
    }

    let width = render::width();
    let cast = session.cast();
    let mut screen = PlainScreen {
        out: Out::stdout(),
        palette: stdout,
        stderr,
        width,
        rubric: rubric.clone(),
    };
    let opening = render::opening(
        &Briefing::new(cast.scenario, cast.persona),
        session.mode(),
        session.seed(),
        &stdout,
        width,
    );
    screen.out.line(opening.trim_end())?;
    screen.out.line(&stdout.quiet(&transcript_note(session)))?;
    screen.out.line("")?;
    for turn in session.turns().to_vec() {
        screen.echo(&turn.reading.text)?;
        screen.turn(&turn, cast.persona.called(), session.mode())?;
    }
    screen.out.flush()?;

    let prompt = ("you › ".to_owned(), format!("{} ", stdout.heading("you ›")));
    let mut interrupted = false;
    let mut history_failed = false;
    loop {
        let flow = match editor.readline(&prompt) {
            Ok(line) => {
                interrupted = false;
                if !line.trim().is_empty() && history.is_some() {
                    let _ = editor.add_history_entry(line.as_str());
                    if let Some(path) = &history
                        && let Err(err) = save_history(&mut editor, path)
                        && !history_failed
                    {
                        history_failed = true;
                        screen.warn(&format!(
                            "cannot save line history to {}: {err}",
                            path.display()
                        ))?;
                    }
                }
                handle(session, &line, &mut screen)?
            }
            Err(ReadlineError::Interrupted) if !interrupted => {
                interrupted = true;
                screen.info("interrupt", "(Ctrl-C again, or Ctrl-D, to finish or leave)")?;
                Flow::Continue
            }
            Err(ReadlineError::Interrupted | ReadlineError::Eof) => {
                match ask_stop(&mut editor, &stdout)? {
                    Stop::Finish => handle(session, "/end", &mut screen)?,
                    Stop::Leave => handle(session, "/quit", &mut screen)?,
                }
            }
            Err(err) => return Err(terminal(err)),
        };
        match flow {
            Flow::Continue => {}
            Flow::Left => return Ok(false),
            Flow::Ended => {
                if !session.journal().on_disk() {
                    offer_save(&mut editor, session, &mut screen)?;
                }
                return ask_again(&mut editor, &stdout);
            }
        }
    }
}

fn history_path(args: &PracticeArgs) -> Option<PathBuf> {
    let off =
        args.no_history || std::env::var_os("GREENLIGHT_NO_HISTORY").is_some_and(|v| !v.is_empty());
    if off { None } else { crate::folders::history() }
}

fn save_history(
    editor: &mut Editor<SlashHelper, FileHistory>,
    path: &std::path::Path,
) -> Result<(), ReadlineError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    editor.save_history(path)
}

fn transcript_note(session: &Session) -> String {
    match session.journal().saved_path() {
        Some(path) => format!(
            "Saving every turn to {}",
            clean(&path.display().to_string())
        ),
        None => "The transcript is kept in memory only; /end offers a place to save it.".to_owned(),
    }
}

fn ask_stop(
    editor: &mut Editor<SlashHelper, FileHistory>,
    palette: &Palette,
) -> Result<Stop, Error> {
    let question = "Finish and see how it went (f), or leave and resume later (l)? [f] ";
    match editor.readline(&(question.to_owned(), palette.hint(question))) {
        Ok(answer)
            if answer.trim().to_lowercase().starts_with('l')
                || answer.trim().eq_ignore_ascii_case("q") =>
        {
            Ok(Stop::Leave)
        }
        Ok(_) => Ok(Stop::Finish),
        Err(_) => Ok(Stop::Leave),
    }
}

fn ask_again(
    editor: &mut Editor<SlashHelper, FileHistory>,
    palette: &Palette,
) -> Result<bool, Error> {
    let question = "Practise again with another seed? [y/N] ";
    match editor.readline(&(question.to_owned(), palette.hint(question))) {
        Ok(answer) => Ok(answer.trim().to_lowercase().starts_with('y')),
        Err(_) => Ok(false),
    }
}

fn offer_save(
    editor: &mut Editor<SlashHelper, FileHistory>,
    session: &mut Session,
    screen: &mut PlainScreen,
) -> Result<(), Error> {
    loop {
        let question = "Save the transcript to (a file path, or Enter to skip): ";
        let answer = match editor.readline(&(question.to_owned(), screen.palette.hint(question))) {
            Ok(answer) => answer.trim().to_owned(),
            Err(_) => return Ok(()),
        };
        if answer.is_empty() {
            return Ok(());
        }
        let path = PathBuf::from(&answer);
        match session.save_as(&path) {
            Ok(()) => {
                screen.info(
                    "saved",
                    &format!("Saved to {}", clean(&path.display().to_string())),
                )?;
                return Ok(());
            }
            Err(err) => screen.warn(&format!(
                "cannot save to {}: {err}; try another path",
                path.display()
            ))?,
        }
    }
}
