//! The rubric: weights, costs, caps and the words of every finding, as data
//! (`rubrics/default.toml`; a trainer may supply their own with `--rubric`).

use crate::content::{Diagnostic, nearest};
use serde::Deserialize;

/// The finding codes the scorer can emit; a rubric must give each one its words and cost.
pub const CODES: [&str; 34] = [
    "premature-ask",
    "skipped-step",
    "pushed-on-yellow",
    "looped-back",
    "no-open-questions",
    "closed-questions",
    "no-reflection",
    "talked-too-much",
    "lectured",
    "rescued-silence",
    "held-silence",
    "stake-found",
    "no-target",
    "target-named",
    "no-own-stake",
    "no-vision",
    "no-plan",
    "no-gauge",
    "never-asked",
    "vague-ask",
    "ask-not-framed",
    "filled-silence-after-ask",
    "rescued-ask",
    "pressured",
    "pressured-yes",
    "maybe-not-followed-up",
    "clear-yes",
    "respectful-no",
    "no-schedule",
    "no-recap",
    "missed-light",
    "objection-ignored",
    "objection-buried",
    "objection-open",
];

/// Found by the scorer but scored as good; listed apart so a rubric can omit its cost.
pub const GOOD_CODES: [&str; 1] = ["objection-resolved"];

/// The area ids the scorer knows how to fill.
pub const AREAS: [&str; 6] = [
    "path",
    "listening",
    "vision",
    "ask",
    "next_steps",
    "reading",
];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub thresholds: Thresholds,
    pub area: Vec<AreaDef>,
    pub finding: Vec<FindingDef>,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Above this share of the words spoken, the trainee talked too much (percent).
    pub talk_share: u32,
    /// This many statements in a row, with no question, is a lecture.
    pub lecture_run: u32,
    /// Before their stake is found, this many is already a lecture.
    pub lecture_run_early: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        // 43% is what the best sales reps talked in 25,537 recorded calls; average ones
        // talked 65–75%. Above 60% is clearly more talking than listening. The model's
        // step 4 is four statements (the stakes, the facts, the vision, the plan) before a
        // question, so five in a row is a lecture; before the stake is found, two.
        Thresholds {
            talk_share: 60,
            lecture_run: 5,
            lecture_run_early: 2,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaDef {
    pub id: String,
    pub title: String,
    pub weight: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingDef {
    pub code: String,
    pub area: String,
    pub points: u32,
    pub cap: Option<u32>,
    #[serde(default)]
    pub good: bool,
    pub message: String,
    pub suggestion: String,
}

impl Rubric {
    /// The rubric greenlight ships.
    pub fn bundled() -> Result<Rubric, Vec<Diagnostic>> {
        Rubric::parse(
            "<bundled>/rubrics/default.toml",
            include_str!("../../rubrics/default.toml"),
        )
    }

    /// Reads and checks a rubric: every area known, every code the scorer emits defined.
    pub fn parse(path: &str, text: &str) -> Result<Rubric, Vec<Diagnostic>> {
        let rubric: Rubric = toml::from_str(text).map_err(|err| {
            vec![Diagnostic::at(
                path,
                text,
                err.span().unwrap_or(0..0),
                err.message().to_owned(),
                Some("rubrics/default.toml is a complete example".into()),
            )]
        })?;
        let mut problems = Vec::new();
        let whole = |message: String, hint: String| Diagnostic::whole(path, message, Some(hint));
        for area in &rubric.area {
            if !AREAS.contains(&area.id.as_str()) {
                problems.push(whole(
                    format!("unknown area `{}`", area.id),
                    format!("areas are: {}", AREAS.join(", ")),
                ));
            }
        }
        for finding in &rubric.finding {
            if !rubric.area.iter().any(|a| a.id == finding.area) {
                problems.push(whole(
                    format!(
                        "finding `{}` is in area `{}`, which the rubric does not define",
                        finding.code, finding.area
                    ),
                    format!(
                        "define it with [[area]] id = \"{}\", or use one of: {}",
                        finding.area,
                        AREAS.join(", ")
                    ),
                ));
            }
            if !CODES.contains(&finding.code.as_str())
                && !GOOD_CODES.contains(&finding.code.as_str())
            {
                let hint = match nearest(&finding.code, CODES) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the scorer emits: {}", CODES.join(", ")),
                };
                problems.push(whole(
                    format!("unknown finding code `{}`", finding.code),
                    hint,
                ));
            }
        }
        for code in CODES.iter().chain(&GOOD_CODES) {
            if !rubric.finding.iter().any(|f| f.code == *code) {
                problems.push(whole(
                    format!("the rubric does not define finding `{code}`"),
                    "every finding the scorer can emit needs its words and its cost; copy it from rubrics/default.toml".into(),
                ));
            }
        }
        if rubric.area.iter().map(|a| a.weight).sum::<u32>() == 0 {
            problems.push(whole(
                "the areas' weights add up to 0".into(),
                "give at least one area a weight".into(),
            ));
        }
        if problems.is_empty() {
            Ok(rubric)
        } else {
            Err(problems)
        }
    }

    pub fn finding(&self, code: &str) -> Option<&FindingDef> {
        self.finding.iter().find(|f| f.code == code)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_rubric_defines_every_code() {
        if let Err(problems) = super::Rubric::bundled() {
            panic!("{problems:?}");
        }
    }
}
