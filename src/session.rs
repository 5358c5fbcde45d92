//! A practice session: the turn loop around a conversation, its transcript, undo, resume,
//! and what the coach says. Front ends (the REPL, scripted and JSON modes) drive it; it
//! writes the transcript but never the terminal.

use crate::classify::Classifier;
use crate::content::step::Step;
use crate::engine::{Cast, Conversation, End, Light, Turn};
use crate::transcript::{FORMAT, Header, Journal, Loaded, Record, TurnRecord, WriteFailed};
use serde::Serialize;
use std::fmt;

/// How much the trainee is shown and allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Lights after each reply, hints and undo.
    Coach,
    /// Only words and body language: read the cues yourself. Undo allowed.
    Realistic,
    /// No lights, no hints, no undo: for homework and drills.
    Exam,
}

impl Mode {
    pub fn id(self) -> &'static str {
        match self {
            Mode::Coach => "coach",
            Mode::Realistic => "realistic",
            Mode::Exam => "exam",
        }
    }

    pub fn parse(id: &str) -> Option<Mode> {
        [Mode::Coach, Mode::Realistic, Mode::Exam]
            .into_iter()
            .find(|m| m.id() == id)
    }

    pub fn shows_lights(self) -> bool {
        self == Mode::Coach
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Why `/undo` was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum UndoRefused {
    ExamMode,
    NothingToUndo,
    ConversationOver,
}

/// What the coach suggests now.
#[derive(Debug, Serialize)]
pub struct Hint {
    pub step: Step,
    pub light: Light,
    pub step_title: String,
    pub advice: String,
    pub example: Option<String>,
}

pub struct Session<'c> {
    cast: Cast<'c>,
    header: Header,
    mode: Mode,
    conversation: Conversation<'c>,
    turns: Vec<Turn>,
    journal: Journal,
    failure: Option<WriteFailed>,
}

impl<'c> Session<'c> {
    /// A new session, its header written to `journal`.
    pub fn start(cast: Cast<'c>, header: Header, journal: Journal) -> Session<'c> {
        let mut session = Session::open(cast, header.clone(), journal);
        session.write(&Record::Header(header));
        session
    }

    /// Continues a transcript: replays its lines through the engine to rebuild the state.
    pub fn resume(cast: Cast<'c>, loaded: &Loaded, journal: Journal) -> Session<'c> {
        let mut session = Session::open(cast, loaded.header.clone(), journal);
        session.replay(&loaded.trainee_lines());
        session
    }

    fn open(cast: Cast<'c>, header: Header, journal: Journal) -> Session<'c> {
        Session {
            conversation: Conversation::new(cast, header.seed),
            cast,
            mode: Mode::parse(&header.mode).unwrap_or(Mode::Coach),
            header,
            turns: Vec::new(),
            journal,
            failure: None,
        }
    }

    /// Rebuilds the conversation from the start with `lines`: the engine is deterministic,
    /// so this is the state those lines lead to.
    fn replay(&mut self, lines: &[String]) {
        self.conversation = Conversation::new(self.cast, self.header.seed);
        self.turns.clear();
        for line in lines {
            self.replay_one(line);
        }
    }

    /// Builds the header for a new session.
    pub fn header(
        cast: &Cast,
        content_hash: String,
        seed: u64,
        mode: Mode,
        trainee: Option<String>,
        started: String,
    ) -> Header {
        Header {
            format: FORMAT,
            greenlight: env!("CARGO_PKG_VERSION").to_owned(),
            scenario: cast.scenario.id().to_string(),
            persona: cast.persona.id().to_string(),
            model: cast.model.id().to_string(),
            content_hash,
            seed,
            mode: mode.id().to_owned(),
            trainee,
            started,
        }
    }

    pub fn cast(&self) -> Cast<'c> {
        self.cast
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn seed(&self) -> u64 {
        self.header.seed
    }

    pub fn conversation(&self) -> &Conversation<'c> {
        &self.conversation
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn is_over(&self) -> bool {
        self.conversation.is_over()
    }

    /// The first failure to write the transcript, once.
    pub fn take_failure(&mut self) -> Option<WriteFailed> {
        self.failure.take()
    }

    fn write(&mut self, record: &Record) {
        if let Err(failed) = self.journal.append(record)
            && self.failure.is_none()
        {
            self.failure = Some(failed);
        }
    }

    fn replay_one(&mut self, line: &str) -> &Turn {
        let reading = Classifier::bundled().classify(line);
        let turn = self.conversation.respond(reading);
        self.turns.push(turn);
        &self.turns[self.turns.len() - 1]
    }

    /// One trainee line: the persona answers, and the turn is on disk before this returns.
    pub fn say(&mut self, line: &str) -> Turn {
        let turn = self.replay_one(line).clone();
        self.write(&Record::Turn(TurnRecord {
            turn: turn.turn,
            line: line.to_owned(),
            primary: turn.reading.primary,
            moves: turn.reading.moves.clone(),
            reply: turn.text.clone(),
            cue: turn.cue.clone(),
            step: turn.step,
            light: turn.light,
            objection: turn.objection.clone(),
            lit_up: turn.lit_up,
        }));
        if let Some(end) = turn.end {
            self.write_end(end);
        }
        turn
    }

    /// Takes back the last line: the conversation is replayed without it.
    pub fn undo(&mut self) -> Result<Turn, UndoRefused> {
        if self.mode == Mode::Exam {
            return Err(UndoRefused::ExamMode);
        }
        if self.is_over() {
            return Err(UndoRefused::ConversationOver);
        }
        let Some(undone) = self.turns.last().cloned() else {
            return Err(UndoRefused::NothingToUndo);
        };
        let mut lines: Vec<String> = self.turns.iter().map(|t| t.reading.text.clone()).collect();
        lines.pop();
        self.replay(&lines);
        self.write(&Record::Undo { turn: undone.turn });
        Ok(undone)
    }

    /// The trainee ends the conversation (if the persona has not already).
    pub fn finish(&mut self) {
        if !self.is_over() {
            self.conversation.finish();
            self.write_end(End::Trainee);
        }
    }

    fn write_end(&mut self, reason: End) {
        let outcome = self.conversation.state().outcome();
        self.write(&Record::End { reason, outcome });
    }

    /// Saves the whole transcript to `path` (when its folder could not be written).
    pub fn save_as(&mut self, path: &std::path::Path) -> std::io::Result<()> {
        self.journal.save_as(path)
    }

    /// What the model suggests now, in coach mode.
    pub fn hint(&self) -> Hint {
        let state = self.conversation.state();
        let step = state.step;
        let light = self.conversation.light(step);
        let model_step = self.cast.model.step(step);
        let title = model_step.map_or_else(|| step.to_string(), |s| s.title.clone());
        let advice = match (model_step, light) {
            (Some(s), Light::Green) => match &s.on_green {
                Some(next) => {
                    let next_title = self
                        .cast
                        .model
                        .step(*next.get_ref())
                        .map_or_else(|| next.get_ref().to_string(), |n| n.title.clone());
                    format!(
                        "Green light: {} Move on to {}.",
                        s.green,
                        next_title.to_lowercase()
                    )
                }
                None => format!("Green light: {}", s.green),
            },
            (Some(s), Light::Yellow) => format!(
                "Not yet: {} What you do here: {}",
                s.yellow.as_deref().unwrap_or(""),
                s.you_do
            ),
            (None, _) => String::new(),
        };
        // On a green light, an example for where to go next.
        let example_step = match (model_step, light) {
            (Some(s), Light::Green) => s
                .on_green
                .as_ref()
                .and_then(|next| self.cast.model.step(*next.get_ref()))
                .or(model_step),
            _ => model_step,
        };
        let example = example_step.and_then(|s| {
            let questions = &s.questions;
            (!questions.is_empty()).then(|| questions[self.turns.len() % questions.len()].clone())
        });
        Hint {
            step,
            light,
            step_title: title,
            advice,
            example,
        }
    }
}
