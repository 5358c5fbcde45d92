//! The six step ids of a one-on-one.
//!
//! A model may retitle and rewrite the steps, but their ids are fixed here because the
//! engine gives each one its meaning (the stake step tracks how deep a stake goes, the ask
//! step waits for an answer, and so on).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Introduction,
    Stake,
    Agitation,
    Vision,
    Ask,
    NextSteps,
}

impl Step {
    /// In the model's order.
    pub const ALL: [Step; 6] = [
        Step::Introduction,
        Step::Stake,
        Step::Agitation,
        Step::Vision,
        Step::Ask,
        Step::NextSteps,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Step::Introduction => "introduction",
            Step::Stake => "stake",
            Step::Agitation => "agitation",
            Step::Vision => "vision",
            Step::Ask => "ask",
            Step::NextSteps => "next_steps",
        }
    }

    /// 1 to 6, as the model numbers them.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
