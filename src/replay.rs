//! Replaying a transcript: the trainee's lines through the engine again, with the recorded
//! seed and the current content. What the transcript says the persona replied is checked
//! against the replay, so a transcript edited by hand is caught, never scored as written.

use crate::content::Library;
use crate::engine::{Cast, Conversation, State, Turn};
use crate::session::Mode;
use crate::transcript::{Loaded, Record};

/// A conversation rebuilt from a transcript.
pub struct Replayed<'l> {
    pub cast: Cast<'l>,
    pub turns: Vec<Turn>,
    pub state: State,
}

/// Why a transcript cannot be trusted.
#[derive(Debug, thiserror::Error)]
pub enum Altered {
    #[error("it was made with scenario `{0}`, which is not loaded")]
    UnknownScenario(String),
    #[error(
        "the content of scenario `{scenario}` differs from the content it was made with (recorded {recorded}, now {now})"
    )]
    ContentChanged {
        scenario: String,
        recorded: String,
        now: String,
    },
    #[error(
        "it names persona `{recorded}` and model `{model}`, but the scenario uses `{persona}` and `{scenario_model}`"
    )]
    CastChanged {
        recorded: String,
        model: String,
        persona: String,
        scenario_model: String,
    },
    #[error(
        "turn {turn}: the recorded {what} differs from the replay (recorded {recorded:?}, replayed {replayed:?})"
    )]
    TurnDiffers {
        turn: u32,
        what: &'static str,
        recorded: String,
        replayed: String,
    },
    #[error("it records an undo, and {mode} mode allows none")]
    UndoInExam { mode: String },
}

pub fn replay<'l>(library: &'l Library, loaded: &Loaded) -> Result<Replayed<'l>, Altered> {
    let header = &loaded.header;
    let cast = Cast::from_library(library, &header.scenario)
        .ok_or_else(|| Altered::UnknownScenario(header.scenario.clone()))?;
    let now = library.fingerprint(&header.scenario).unwrap_or_default();
    if now != header.content_hash {
        return Err(Altered::ContentChanged {
            scenario: header.scenario.clone(),
            recorded: header.content_hash.clone(),
            now,
        });
    }
    if header.persona != cast.persona.id().as_str() || header.model != cast.model.id().as_str() {
        return Err(Altered::CastChanged {
            recorded: header.persona.clone(),
            model: header.model.clone(),
            persona: cast.persona.id().to_string(),
            scenario_model: cast.model.id().to_string(),
        });
    }
    if Mode::parse(&header.mode) == Some(Mode::Exam)
        && loaded
            .records
            .iter()
            .any(|r| matches!(r, Record::Undo { .. }))
    {
        return Err(Altered::UndoInExam {
            mode: header.mode.clone(),
        });
    }
    let mut conversation = Conversation::new(cast, header.seed);
    let mut turns = Vec::new();
    for record in loaded.surviving_turns() {
        let turn =
            conversation.respond(crate::classify::Classifier::bundled().classify(&record.line));
        let checks: [(&'static str, String, String); 5] = [
            ("reply", record.reply.clone(), turn.text.clone()),
            (
                "cue",
                format!("{:?}", record.cue),
                format!("{:?}", turn.cue),
            ),
            (
                "moves",
                format!("{:?}", record.moves),
                format!("{:?}", turn.reading.moves),
            ),
            ("step", record.step.to_string(), turn.step.to_string()),
            (
                "light",
                format!("{:?}", record.light),
                format!("{:?}", turn.light),
            ),
        ];
        for (what, recorded, replayed) in checks {
            if recorded != replayed {
                return Err(Altered::TurnDiffers {
                    turn: record.turn,
                    what,
                    recorded,
                    replayed,
                });
            }
        }
        turns.push(turn);
    }
    if loaded.ended().is_some() {
        conversation.finish();
    }
    Ok(Replayed {
        cast,
        turns,
        state: conversation.state().clone(),
    })
}
