//! Where a session's output goes: text for people, or JSON Lines events for programs.

use crate::briefing::Briefing;
use crate::engine::{Light, Turn};
use crate::output::Out;
use crate::render;
use crate::score::{Rubric, score};
use crate::session::{Hint, Mode, Session};
use crate::style::{Palette, clean};
use serde_json::json;
use std::io;

pub trait Screen {
    /// The trainee's line, shown back when it did not come from a keyboard.
    fn echo(&mut self, line: &str) -> io::Result<()>;
    fn turn(&mut self, turn: &Turn, name: &str, mode: Mode) -> io::Result<()>;
    fn info(&mut self, command: &str, text: &str) -> io::Result<()>;
    fn hint(&mut self, hint: &Hint) -> io::Result<()>;
    fn why(&mut self, turn: &Turn) -> io::Result<()>;
    fn undone(&mut self, turn: &Turn) -> io::Result<()>;
    fn status(&mut self, session: &Session) -> io::Result<()>;
    fn brief(&mut self, briefing: &Briefing) -> io::Result<()>;
    fn warn(&mut self, text: &str) -> io::Result<()>;
    fn ended(&mut self, session: &Session) -> io::Result<()>;
    fn left(&mut self, session: &Session) -> io::Result<()>;
}

/// The status of a session as text.
fn status_text(session: &Session, palette: &Palette) -> String {
    let conversation = session.conversation();
    let state = conversation.state();
    let mut text = format!(
        "Turn {} of {} · {} mode · step {} ({})\n",
        conversation.turns_taken(),
        session.cast().scenario.turn_limit(),
        session.mode(),
        state.step.number(),
        state.step
    );
    if session.mode().shows_lights() {
        let lights: Vec<String> = crate::content::step::Step::ALL
            .iter()
            .map(|s| match conversation.light(*s) {
                Light::Green => palette.good(&format!("{} {}", s.number(), s)),
                Light::Yellow => palette.quiet(&format!("{} {}", s.number(), s)),
            })
            .collect();
        text.push_str(&format!("  {}\n", lights.join(" · ")));
    }
    text.push_str(&transcript_line(session));
    text
}

fn transcript_line(session: &Session) -> String {
    match session.journal().saved_path() {
        Some(path) => format!("Transcript: {}\n", clean(&path.display().to_string())),
        None => "Transcript: in memory only (it could not be saved to disk)\n".to_owned(),
    }
}

pub struct PlainScreen {
    pub out: Out,
    pub palette: Palette,
    pub stderr: Palette,
    pub width: usize,
    pub rubric: Rubric,
}

impl PlainScreen {
    fn write(&mut self, text: &str) -> io::Result<()> {
        self.out.line(text.trim_end_matches('\n'))?;
        self.out.flush()
    }
}

impl Screen for PlainScreen {
    fn echo(&mut self, line: &str) -> io::Result<()> {
        let shown = if line.trim().is_empty() {
            "…".to_owned()
        } else {
            clean(line)
        };
        let text = format!("{} {shown}", self.palette.heading("you ›"));
        self.write(&text)
    }

    fn turn(&mut self, turn: &Turn, name: &str, mode: Mode) -> io::Result<()> {
        let text = render::turn(turn, name, mode, &self.palette, self.width);
        self.write(&text)
    }

    fn info(&mut self, _command: &str, text: &str) -> io::Result<()> {
        let text = self.palette.quiet(text);
        self.write(&text)
    }

    fn hint(&mut self, hint: &Hint) -> io::Result<()> {
        let text = render::hint(hint, &self.palette, self.width);
        self.write(&text)
    }

    fn why(&mut self, turn: &Turn) -> io::Result<()> {
        let text = render::why(turn, &self.palette, self.width);
        self.write(&text)
    }

    fn undone(&mut self, turn: &Turn) -> io::Result<()> {
        let what = if turn.reading.text.trim().is_empty() {
            "your silence".to_owned()
        } else {
            format!("\"{}\"", clean(&turn.reading.text))
        };
        let text = self
            .palette
            .quiet(&format!("(took back turn {}: {what})", turn.turn));
        self.write(&text)
    }

    fn status(&mut self, session: &Session) -> io::Result<()> {
        let text = status_text(session, &self.palette);
        self.write(&text)
    }

    fn brief(&mut self, briefing: &Briefing) -> io::Result<()> {
        let text = render::briefing(briefing, &self.palette, self.width);
        self.write(&text)
    }

    fn warn(&mut self, text: &str) -> io::Result<()> {
        self.out.flush()?;
        eprintln!("{} {}", self.stderr.warn("greenlight:"), clean(text));
        Ok(())
    }

    fn ended(&mut self, session: &Session) -> io::Result<()> {
        let state = session.conversation().state();
        let ending = state.end.map(render::end_words).unwrap_or("ended");
        let card = score(&session.cast(), session.turns(), state, &self.rubric);
        let text = format!(
            "\n{}\n{}\n{}",
            self.palette.heading(&format!("— {ending} —")),
            render::scorecard(&card, &self.palette, self.width).trim_end(),
            transcript_line(session)
        );
        self.write(&text)
    }

    fn left(&mut self, session: &Session) -> io::Result<()> {
        let text = match session.journal().saved_path() {
            Some(path) => format!(
                "Left the conversation. Continue it with: greenlight practice --resume {}",
                clean(&path.display().to_string())
            ),
            None => "Left the conversation.".to_owned(),
        };
        self.write(&text)
    }
}

/// DESIGN's JSON Lines protocol: one event a line, flushed as it happens.
pub struct JsonScreen {
    pub out: Out,
    pub rubric: Rubric,
}

impl JsonScreen {
    pub fn event(&mut self, value: serde_json::Value) -> io::Result<()> {
        self.out.json(&value)?;
        self.out.flush()
    }
}

impl Screen for JsonScreen {
    /// A program knows what it sent.
    fn echo(&mut self, _line: &str) -> io::Result<()> {
        Ok(())
    }

    fn turn(&mut self, t: &Turn, _name: &str, _mode: Mode) -> io::Result<()> {
        self.event(json!({
            "event": "persona",
            "turn": t.turn,
            "text": t.text,
            "cue": t.cue,
            "step": t.step,
            "light": t.light,
            "moves": t.reading.moves,
            "primary": t.reading.primary,
            "objection": t.objection,
            "lit_up": t.lit_up,
        }))
    }

    fn info(&mut self, command: &str, text: &str) -> io::Result<()> {
        self.event(json!({"event": "info", "command": command, "text": text}))
    }

    fn hint(&mut self, hint: &Hint) -> io::Result<()> {
        self.event(json!({"event": "hint", "hint": hint}))
    }

    fn why(&mut self, t: &Turn) -> io::Result<()> {
        self.event(json!({"event": "why", "turn": t.turn, "reading": t.reading, "why": t.why}))
    }

    fn undone(&mut self, t: &Turn) -> io::Result<()> {
        self.event(json!({"event": "undo", "turn": t.turn}))
    }

    fn status(&mut self, session: &Session) -> io::Result<()> {
        let text = status_text(session, &Palette::plain());
        self.info("status", &text)
    }

    fn brief(&mut self, briefing: &Briefing) -> io::Result<()> {
        self.event(json!({"event": "briefing", "briefing": briefing}))
    }

    fn warn(&mut self, text: &str) -> io::Result<()> {
        self.event(json!({"event": "warning", "message": text}))
    }

    fn ended(&mut self, session: &Session) -> io::Result<()> {
        let state = session.conversation().state();
        self.event(json!({"event": "end", "reason": state.end, "outcome": state.outcome()}))?;
        let card = score(&session.cast(), session.turns(), state, &self.rubric);
        let mut event = serde_json::to_value(card).unwrap_or_default();
        if let Some(object) = event.as_object_mut() {
            object.insert("event".into(), json!("score"));
        }
        self.event(event)
    }

    fn left(&mut self, session: &Session) -> io::Result<()> {
        self.event(json!({"event": "left", "transcript": session.journal().path()}))
    }
}
