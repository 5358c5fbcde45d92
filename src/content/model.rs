//! The model: the sequence of a good one-on-one, as data.
//!
//! The bundled `six-step` model is adapted from Katey Lauer and Andrew Willis Garcés's
//! six-step one-on-one (Training for Change). A trainer may adapt titles, guidance,
//! signals, which moves belong where and where a yellow light leads, but not the step ids,
//! which the engine gives meaning to (see [`Step`]).

use super::Problem;
use super::step::Step;
use super::values::Id;
use crate::moves::Move;
use serde::Deserialize;
use toml::Spanned;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    #[serde(rename = "kind")]
    _kind: String,
    pub id: Spanned<Id>,
    pub title: String,
    pub credit: String,
    pub steps: Spanned<Vec<ModelStep>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelStep {
    pub id: Spanned<Step>,
    pub title: String,
    pub you_do: String,
    pub moves: Spanned<Vec<Move>>,
    pub green: String,
    pub yellow: Option<String>,
    pub on_green: Option<Spanned<Step>>,
    pub on_yellow: Option<Vec<Step>>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub silence_after: bool,
}

impl Model {
    pub fn id(&self) -> &Id {
        self.id.get_ref()
    }

    pub fn step(&self, id: Step) -> Option<&ModelStep> {
        self.steps.get_ref().iter().find(|s| *s.id.get_ref() == id)
    }

    /// Problems that need the whole file to see: the six steps, in order, linked up.
    pub(crate) fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let steps = self.steps.get_ref();
        let expected_order = Step::ALL.map(Step::id).join(", ");
        for (position, (step, expected)) in steps.iter().zip(Step::ALL).enumerate() {
            let found = *step.id.get_ref();
            if found != expected {
                problems.push(Problem::new(
                    step.id.span(),
                    format!("step {} is `{found}`, expected `{expected}`", position + 1),
                    format!("a model has these six steps, in this order: {expected_order}"),
                ));
            }
        }
        if steps.len() != Step::ALL.len() {
            problems.push(Problem::new(
                self.steps.span(),
                format!("the model has {} steps, expected 6", steps.len()),
                format!("write one [[steps]] table for each of: {expected_order}"),
            ));
        }
        for (position, step) in steps.iter().enumerate() {
            let is_last = position + 1 == steps.len();
            if step.moves.get_ref().is_empty() {
                problems.push(Problem::new(
                    step.moves.span(),
                    format!("step `{}` has no moves", step.id.get_ref()),
                    "list the organizer moves that belong to this step, e.g. moves = [\"explore\", \"reflect\"]",
                ));
            }
            match (&step.on_green, is_last) {
                (None, false) => problems.push(Problem::new(
                    step.id.span(),
                    format!("step `{}` has no `on_green`", step.id.get_ref()),
                    "say which step a green light leads to, e.g. on_green = \"agitation\"",
                )),
                (Some(next), true) => problems.push(Problem::new(
                    next.span(),
                    format!(
                        "`{}` is the last step, so a green light here has nowhere to go",
                        step.id.get_ref()
                    ),
                    "remove `on_green` from the last step",
                )),
                _ => {}
            }
        }
        problems
    }
}
