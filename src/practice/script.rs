//! Practice without a person at the keyboard: lines from a file or a pipe, output as text
//! or as JSON Lines events. In JSON mode each `prompt` event is flushed before the next line
//! is read, so another program can hold a live conversation through a pipe.

use super::screen::{JsonScreen, PlainScreen, Screen};
use super::{Flow, handle};
use crate::briefing::Briefing;
use crate::cli::PracticeArgs;
use crate::output::Out;
use crate::render;
use crate::score::Rubric;
use crate::session::Session;
use crate::style::{Palette, clean};
use crate::{Error, Status};
use serde_json::json;
use std::fs::File;
use std::io::{self, BufRead, BufReader};

pub fn run(
    session: &mut Session,
    args: &PracticeArgs,
    rubric: &Rubric,
    stdout: Palette,
    stderr: Palette,
) -> Result<Status, Error> {
    let (mut lines, origin): (Box<dyn BufRead>, String) = match &args.input {
        Some(path) if path.as_os_str() != "-" => {
            let file = File::open(path).map_err(|source| Error::Input {
                what: path.display().to_string(),
                source,
            })?;
            (Box::new(BufReader::new(file)), path.display().to_string())
        }
        _ => (Box::new(io::stdin().lock()), "standard input".to_owned()),
    };
    let cast = session.cast();
    let briefing = Briefing::new(cast.scenario, cast.persona);
    let mut screen: Box<dyn Screen> = if args.json {
        let mut json_screen = JsonScreen {
            out: Out::stdout(),
            rubric: rubric.clone(),
        };
        json_screen.event(json!({
            "event": "start",
            "scenario": briefing.id,
            "persona": briefing.persona.id,
            "seed": session.seed(),
            "mode": session.mode(),
            "turn_limit": cast.scenario.turn_limit(),
            "turns_so_far": session.turns().len(),
            "transcript": session.journal().path(),
        }))?;
        Box::new(json_screen)
    } else {
        let width = render::width();
        let mut out = Out::stdout();
        out.line(
            render::opening(&briefing, session.mode(), session.seed(), &stdout, width).trim_end(),
        )?;
        out.line("")?;
        out.flush()?;
        let mut plain = PlainScreen {
            out,
            palette: stdout,
            stderr,
            width,
            rubric: rubric.clone(),
        };
        if !session.turns().is_empty() {
            plain.info(
                "resume",
                &format!("(continuing after {} turns)", session.turns().len()),
            )?;
        }
        Box::new(plain)
    };

    let mut number = 0;
    loop {
        if args.json {
            let turn = session.conversation().turns_taken() + 1;
            let mut prompt = JsonScreen {
                out: Out::stdout(),
                rubric: rubric.clone(),
            };
            prompt.event(json!({"event": "prompt", "turn": turn}))?;
        }
        let mut line = String::new();
        number += 1;
        let read = lines.read_line(&mut line).map_err(|source| Error::Input {
            what: format!("{}, line {number}", clean(&origin)),
            source,
        })?;
        if read == 0 {
            // The input ran out: the conversation ends there.
            session.finish();
            screen.ended(session)?;
            break;
        }
        let line = line.trim_end_matches(['\n', '\r']).to_owned();
        screen.echo(&line)?;
        match handle(session, &line, screen.as_mut())? {
            Flow::Continue => {}
            Flow::Ended | Flow::Left => break,
        }
    }
    Ok(Status::Success)
}
