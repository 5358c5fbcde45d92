//! A persona: the character sheet of the person the trainee talks to.
//!
//! Mirrors the TOML format in `docs/content-format.md` key for key. Values check
//! themselves while they are read (ids, ranges, step and move names); what needs the whole
//! file (unique stake and objection ids) is checked in `Persona::problems`.

use super::step::Step;
use super::values::{Bounded, Delta, Echo, Id, Percent, Reply, Variants, heard_words};
use super::{Problem, duplicate_ids};
use crate::moves::Move;
use serde::{Deserialize, Serialize};
use toml::Spanned;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Read by the loader to dispatch; present so that `deny_unknown_fields` accepts it.
    #[serde(rename = "kind")]
    _kind: String,
    pub id: Spanned<Id>,
    pub name: String,
    pub called: Option<String>,
    pub pronouns: Option<String>,
    pub age: Option<Bounded<1, 120>>,
    pub role: String,
    pub portrait: String,
    pub voice: Option<String>,
    #[serde(default)]
    pub start: Start,
    #[serde(default)]
    pub needs: Needs,
    #[serde(default)]
    pub introduction: Introduction,
    pub stakes: Spanned<Vec<Stake>>,
    #[serde(default)]
    pub agitation: Agitation,
    #[serde(default)]
    pub vision: VisionReplies,
    #[serde(default)]
    pub objections: Vec<Objection>,
    #[serde(default)]
    pub silence: Silence,
    pub ask: AskReplies,
    #[serde(default)]
    pub next_steps: NextSteps,
    #[serde(default)]
    pub patience: PatienceReplies,
    #[serde(default)]
    pub reactions: Vec<Reaction>,
}

impl Persona {
    pub fn id(&self) -> &Id {
        self.id.get_ref()
    }

    /// The name shown beside their lines.
    pub fn called(&self) -> &str {
        match &self.called {
            Some(called) => called,
            None => self.name.split_whitespace().next().unwrap_or(&self.name),
        }
    }

    pub fn stake(&self, id: &str) -> Option<&Stake> {
        self.stakes
            .get_ref()
            .iter()
            .find(|s| s.id.get_ref().as_str() == id)
    }

    pub fn objection(&self, id: &str) -> Option<&Objection> {
        self.objections
            .iter()
            .find(|o| o.id.get_ref().as_str() == id)
    }

    /// Problems that need the whole file to see.
    pub(crate) fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.stakes.get_ref().is_empty() {
            problems.push(Problem::new(
                self.stakes.span(),
                "a persona needs at least one stake",
                "add a [[stakes]] table with id, about, surface, story and deep",
            ));
        }
        problems.extend(duplicate_ids(
            "stake",
            self.stakes.get_ref().iter().map(|s| &s.id),
        ));
        problems.extend(duplicate_ids(
            "objection",
            self.objections.iter().map(|o| &o.id),
        ));
        for objection in &self.objections {
            if objection.surfaces_at.get_ref().is_empty() {
                problems.push(Problem::new(
                    objection.surfaces_at.span(),
                    "`surfaces_at` is empty: the objection could never come out",
                    "name at least one step, e.g. surfaces_at = [\"ask\"], or remove the key",
                ));
            }
        }
        problems
    }
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Start {
    pub trust: Percent,
    pub openness: Percent,
    pub patience: Bounded<1, 20>,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            trust: Percent::new_const(40),
            openness: Percent::new_const(30),
            patience: Bounded::new_const(5),
        }
    }
}

/// How deep a stake goes before it counts: the surface is never enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StakeLevel {
    Story,
    Deep,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Needs {
    pub stake: StakeLevel,
    pub agitation: Bounded<1, 10>,
    pub openness: Percent,
    pub trust: Percent,
}

impl Default for Needs {
    fn default() -> Self {
        Needs {
            stake: StakeLevel::Story,
            agitation: Bounded::new_const(1),
            openness: Percent::new_const(60),
            trust: Percent::new_const(50),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Introduction {
    pub opens_up: Option<Reply>,
    pub guarded: Option<Reply>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stake {
    pub id: Spanned<Id>,
    pub about: String,
    #[serde(default, deserialize_with = "heard_words")]
    pub touches: Vec<String>,
    #[serde(default = "default_lights_up_at")]
    pub lights_up_at: StakeLevel,
    pub surface: Reply,
    pub story: Reply,
    pub deep: Reply,
}

fn default_lights_up_at() -> StakeLevel {
    StakeLevel::Story
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agitation {
    pub not_yet: Option<Reply>,
    pub names_target: Option<Reply>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionReplies {
    pub skeptical: Option<Reply>,
    pub open: Option<Reply>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    pub id: Spanned<Id>,
    pub fear: String,
    #[serde(default = "default_surfaces_at")]
    pub surfaces_at: Spanned<Vec<Step>>,
    #[serde(default, deserialize_with = "heard_words")]
    pub touches: Vec<String>,
    #[serde(default = "default_explored_by")]
    pub explored_by: Vec<Move>,
    #[serde(default = "default_resolved_by")]
    pub resolved_by: Vec<Move>,
    pub surfaces: Reply,
    pub explored: Reply,
    pub resolved: Reply,
    pub ignored: Option<Reply>,
}

fn default_surfaces_at() -> Spanned<Vec<Step>> {
    Spanned::new(0..0, vec![Step::Vision, Step::Ask])
}

/// A question about how the plan sits with them ("What worries you about bringing it to
/// council?") explores a worry as much as an open question about their life does.
fn default_explored_by() -> Vec<Move> {
    vec![Move::Explore, Move::Reflect, Move::Gauge]
}

fn default_resolved_by() -> Vec<Move> {
    vec![Move::Plan, Move::Educate, Move::OwnStake]
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Silence {
    pub after_deep_question: Option<Reply>,
    pub early: Option<Reply>,
    pub after_statement: Option<Reply>,
    pub repeated: Option<Reply>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskReplies {
    pub yes: Reply,
    pub maybe: Reply,
    pub no: Reply,
    pub too_soon: Option<Reply>,
    pub pressured_yes: Option<Reply>,
    /// The pause after the ask while a hidden objection is on the tip of their tongue:
    /// silence lets it out, rescuing buries it.
    pub hesitates: Option<Reply>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextSteps {
    pub reach_by: Option<String>,
    pub best_time: Option<String>,
    pub schedule: Option<Reply>,
    pub recap: Option<Reply>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatienceReplies {
    pub wearing_thin: Option<Reply>,
    pub leaves: Option<Reply>,
}

/// A persona's own reaction to a move, optionally only in one step.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reaction {
    #[serde(rename = "move")]
    pub to: Move,
    pub step: Option<Step>,
    pub says: Variants,
    pub cue: Option<Variants>,
    pub trust: Option<Delta>,
    pub openness: Option<Delta>,
    pub patience: Option<Bounded<-20, 20>>,
    /// Lines said instead of `says` when the organizer's line names their words, as on
    /// any reply.
    #[serde(default)]
    pub echo: Vec<Echo>,
}
