//! A scenario: a persona, a situation and a campaign, and the briefing the trainee reads.

use super::Problem;
use super::step::Step;
use super::values::{Bounded, Id};
use serde::{Deserialize, Serialize};
use std::fmt;
use toml::Spanned;

/// The model a scenario follows when it names none.
pub const DEFAULT_MODEL: &str = "six-step";

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(rename = "kind")]
    _kind: String,
    pub id: Spanned<Id>,
    pub title: String,
    pub persona: Spanned<Id>,
    pub difficulty: Difficulty,
    pub summary: String,
    pub objectives: Spanned<Vec<String>>,
    pub model: Option<Spanned<Id>>,
    pub start_step: Option<Spanned<Step>>,
    pub turn_limit: Option<Bounded<1, 200>>,
    pub setting: Setting,
    pub organization: Organization,
    pub campaign: Campaign,
    pub drill: Option<Drill>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn id(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    /// Harder people take longer to reach.
    fn default_turn_limit(self) -> u32 {
        match self {
            Difficulty::Easy => 30,
            Difficulty::Medium => 35,
            Difficulty::Hard => 40,
        }
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    pub place: String,
    pub time: String,
    pub you_are: String,
    pub scene: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    pub about: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub issue: String,
    pub targets: Spanned<Vec<Target>>,
    pub vision: String,
    pub plan: String,
    pub milestones: Spanned<Vec<Milestone>>,
    pub precedent: String,
    pub ask: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub name: String,
    pub role: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub when: String,
    pub what: String,
}

/// For step drills: what already happened before the step the drill opens at.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drill {
    pub so_far: String,
    /// Stakes already uncovered as deep as the persona needs.
    #[serde(default)]
    pub uncovered: Vec<Spanned<Id>>,
    /// Objections already out in the open.
    #[serde(default)]
    pub surfaced: Vec<Spanned<Id>>,
}

impl Scenario {
    pub fn id(&self) -> &Id {
        self.id.get_ref()
    }

    pub fn persona_id(&self) -> &Id {
        self.persona.get_ref()
    }

    pub fn model_id(&self) -> &str {
        self.model
            .as_ref()
            .map_or(DEFAULT_MODEL, |m| m.get_ref().as_str())
    }

    pub fn start_step(&self) -> Step {
        self.start_step
            .as_ref()
            .map_or(Step::Introduction, |s| *s.get_ref())
    }

    pub fn turn_limit(&self) -> u32 {
        self.turn_limit
            .map_or(self.difficulty.default_turn_limit(), |t| {
                u32::try_from(t.get()).unwrap_or(u32::MAX)
            })
    }

    /// Problems that need the whole file to see.
    pub(crate) fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let lists = [
            (
                self.objectives.span(),
                self.objectives.get_ref().is_empty(),
                "`objectives` is empty: say what this scenario teaches",
                "add at least one learning objective, e.g. objectives = [\"Hold silence after the ask\"]",
            ),
            (
                self.campaign.targets.span(),
                self.campaign.targets.get_ref().is_empty(),
                "`targets` is empty: a campaign needs someone with the power to fix the problem",
                "add a target, e.g. targets = [{ name = \"Halvorsen Property Management\", role = \"owns the building\" }]",
            ),
            (
                self.campaign.milestones.span(),
                self.campaign.milestones.get_ref().is_empty(),
                "`milestones` is empty: a plan to win needs dates",
                "add a milestone, e.g. milestones = [{ when = \"Thursday, December 10\", what = \"building meeting\" }]",
            ),
        ];
        for (span, empty, message, hint) in lists {
            if empty {
                problems.push(Problem::new(span, message, hint));
            }
        }
        if let Some(start) = &self.start_step
            && *start.get_ref() != Step::Introduction
            && self.drill.is_none()
        {
            problems.push(Problem::new(
                start.span(),
                format!(
                    "the scenario opens at `{}` but has no [drill] table",
                    start.get_ref()
                ),
                "add [drill] with `so_far`: what happened in the conversation before this step",
            ));
        }
        problems
    }
}
