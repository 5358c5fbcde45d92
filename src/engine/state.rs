//! The persona's state during a conversation: small, serialisable, and everything the
//! lights, the scorer and a resumed session need.

use super::pick::Uses;
use crate::content::persona::StakeLevel;
use crate::content::step::Step;
use serde::{Deserialize, Serialize};

/// How far one stake has been uncovered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Depth {
    Untouched,
    Surface,
    Story,
    Deep,
}

impl Depth {
    pub fn next(self) -> Depth {
        match self {
            Depth::Untouched => Depth::Surface,
            Depth::Surface => Depth::Story,
            Depth::Story | Depth::Deep => Depth::Deep,
        }
    }

    pub fn reaches(self, level: StakeLevel) -> bool {
        match level {
            StakeLevel::Story => self >= Depth::Story,
            StakeLevel::Deep => self >= Depth::Deep,
        }
    }
}

impl From<StakeLevel> for Depth {
    fn from(level: StakeLevel) -> Depth {
        match level {
            StakeLevel::Story => Depth::Story,
            StakeLevel::Deep => Depth::Deep,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectionStatus {
    Hidden,
    Surfaced,
    Explored,
    Resolved,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ObjectionState {
    pub status: ObjectionStatus,
    /// The organizer pushed on while it was out in the open.
    pub ignored: bool,
    /// It was about to come out and the organizer cut the silence short.
    pub buried: bool,
    /// The step it came out at.
    pub surfaced_at: Option<Step>,
}

impl ObjectionState {
    pub fn open(&self) -> bool {
        matches!(
            self.status,
            ObjectionStatus::Surfaced | ObjectionStatus::Explored
        )
    }
}

/// Their answer to the ask, as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    /// Yes, squeezed out by pressure: likely to fall through.
    PressuredYes,
    Maybe,
    No,
}

/// What a silence right now would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pending {
    Nothing,
    /// The organizer asked something deep: silence lets more come out.
    DeepQuestion,
    /// After the ask, objection N is on the tip of their tongue.
    Hesitation(usize),
}

/// Why a conversation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    /// They said yes, and the next steps were agreed and summed up.
    Agreed,
    /// They said no twice: the wrong ask, or the wrong time.
    Declined,
    /// Their patience ran out.
    WalkedAway,
    /// The scenario's turn limit was reached.
    TurnLimit,
    /// The trainee ended it.
    Trainee,
}

/// The result reported apart from the score (DESIGN's `outcome`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Yes,
    Ambivalent,
    No,
    WalkedAway,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Green,
    Yellow,
}

#[derive(Clone, Debug, Serialize)]
pub struct State {
    pub trust: i64,
    pub openness: i64,
    pub patience: i64,
    /// The step the conversation is at: that of the organizer's last move that has one.
    pub step: Step,
    pub framed: bool,
    /// One per persona stake, in the persona's order.
    pub stakes: Vec<Depth>,
    /// The stake being talked about.
    pub focus: Option<usize>,
    /// Their face lit up: a stake landed.
    pub lit_up: bool,
    /// Agitation questions asked once the stake was uncovered.
    pub agitation: i64,
    pub target_named: bool,
    pub objections: Vec<ObjectionState>,
    pub pending: Pending,
    pub answer: Option<Answer>,
    pub asks: u32,
    pub pressured: bool,
    pub scheduled: bool,
    /// Silences in a row.
    pub silences: u32,
    /// Statements in a row without a question.
    pub statements: u32,
    pub uses: Uses,
    /// The organizer's last words: what a persona answering a silence is still answering.
    pub last_words: String,
    pub end: Option<End>,
}

impl State {
    pub fn outcome(&self) -> Outcome {
        match (self.answer, self.end) {
            (Some(Answer::Yes | Answer::PressuredYes), _) => Outcome::Yes,
            (_, Some(End::WalkedAway)) => Outcome::WalkedAway,
            (Some(Answer::Maybe), _) => Outcome::Ambivalent,
            (Some(Answer::No), _) => Outcome::No,
            (None, _) => Outcome::None,
        }
    }
}
