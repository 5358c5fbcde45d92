use crate::moves::Move;
use serde::Serialize;

/// How one trainee line was read: its moves in text order, the one the persona answers,
/// and the cues that decided each (for `--explain` and `/why`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    pub text: String,
    pub primary: Move,
    pub moves: Vec<Move>,
    /// Whether the line asks something (the persona is expected to answer, and silence
    /// after it is a tool).
    pub question: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<Cue>,
}

/// One piece of evidence for a move.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cue {
    #[serde(rename = "move")]
    pub for_move: Move,
    /// The sentence it was found in (0-based).
    pub sentence: usize,
    /// What was seen: a lexicon cue's name, or a word the model weighed.
    pub evidence: String,
}

impl Reading {
    /// A reading made by hand, for tests and for lines whose moves are already known.
    pub fn of(text: &str, moves: &[Move]) -> Reading {
        let primary = moves.last().copied().unwrap_or(Move::Unclear);
        Reading {
            text: text.to_owned(),
            primary,
            moves: if moves.is_empty() {
                vec![Move::Unclear]
            } else {
                moves.to_vec()
            },
            question: text.trim_end().ends_with('?'),
            cues: Vec::new(),
        }
    }

    pub fn has(&self, m: Move) -> bool {
        self.moves.contains(&m)
    }
}
