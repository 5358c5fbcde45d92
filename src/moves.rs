//! The organizer moves: what the engine reads each trainee line as.
//!
//! The ids are part of the machine interface (`classify`, the JSON events, transcripts and
//! the content files all use them), so variants may be added but never renamed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One thing an organizer does in a line. A line may hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    Frame,
    Explore,
    Reflect,
    Agitate,
    OwnStake,
    Educate,
    Vision,
    Plan,
    Gauge,
    Ask,
    Consequence,
    Schedule,
    Recap,
    Silence,
    ClosedQuestion,
    Pressure,
    Rescue,
    SmallTalk,
    Unclear,
}

impl Move {
    pub const ALL: [Move; 19] = [
        Move::Frame,
        Move::Explore,
        Move::Reflect,
        Move::Agitate,
        Move::OwnStake,
        Move::Educate,
        Move::Vision,
        Move::Plan,
        Move::Gauge,
        Move::Ask,
        Move::Consequence,
        Move::Schedule,
        Move::Recap,
        Move::Silence,
        Move::ClosedQuestion,
        Move::Pressure,
        Move::Rescue,
        Move::SmallTalk,
        Move::Unclear,
    ];

    /// Moves that ask the person something, as opposed to telling or withdrawing.
    pub fn is_question(self) -> bool {
        matches!(
            self,
            Move::Explore
                | Move::Agitate
                | Move::Gauge
                | Move::Ask
                | Move::Consequence
                | Move::Schedule
                | Move::ClosedQuestion
        )
    }

    /// The stable id, as written in content files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Move::Frame => "frame",
            Move::Explore => "explore",
            Move::Reflect => "reflect",
            Move::Agitate => "agitate",
            Move::OwnStake => "own_stake",
            Move::Educate => "educate",
            Move::Vision => "vision",
            Move::Plan => "plan",
            Move::Gauge => "gauge",
            Move::Ask => "ask",
            Move::Consequence => "consequence",
            Move::Schedule => "schedule",
            Move::Recap => "recap",
            Move::Silence => "silence",
            Move::ClosedQuestion => "closed_question",
            Move::Pressure => "pressure",
            Move::Rescue => "rescue",
            Move::SmallTalk => "small_talk",
            Move::Unclear => "unclear",
        }
    }
}

impl fmt::Display for Move {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_serde() {
        for m in Move::ALL {
            let json = serde_json::to_string(&m).expect("a move serializes");
            assert_eq!(json, format!("\"{}\"", m.id()));
            let back: Move = serde_json::from_str(&json).expect("its id deserializes");
            assert_eq!(back, m);
        }
    }
}
