//! The scorer: the trainee's path against the model sequence, explained turn by turn.
//!
//! Detectors here find what happened (an ask before the stake, a silence held, a worry
//! pushed past) and at which turn; the rubric (`rubric.rs`, data) says what each costs and
//! how to say it. The score is a session-level judgement, with the line-level findings as
//! its explanation. No I/O: the scorer reads a finished conversation.

mod rubric;

pub use rubric::{Rubric, Thresholds};

use crate::content::step::Step;
use crate::engine::{Answer, Cast, Depth, Light, ObjectionStatus, Outcome, State, Turn};
use crate::moves::Move;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Clone, Debug, Serialize)]
pub struct Scorecard {
    pub total: u32,
    pub outcome: Outcome,
    /// The yes, if any, came after pressure: likely to fall through.
    pub pressured: bool,
    pub areas: Vec<AreaScore>,
    pub steps: Vec<StepReport>,
    pub findings: Vec<Finding>,
    pub metrics: Metrics,
    /// The step and light of every turn, for the chart.
    pub path: Vec<PathPoint>,
    /// The finding whose cap limited the total, if one did.
    pub capped_by: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AreaScore {
    pub id: String,
    pub title: String,
    pub weight: u32,
    /// `None` when the area does not apply to this conversation.
    pub score: Option<u32>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StepReport {
    pub id: Step,
    pub reached: bool,
    pub light: Light,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub code: String,
    pub turn: Option<u32>,
    pub area: String,
    pub good: bool,
    pub points: u32,
    pub message: String,
    pub suggestion: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Metrics {
    pub turns: usize,
    pub trainee_words: usize,
    pub persona_words: usize,
    /// The trainee's share of the words spoken, in percent.
    pub talk_share: u32,
    pub open_questions: usize,
    pub closed_questions: usize,
    pub reflections: usize,
    pub silences: usize,
    pub asks: usize,
    pub pressure: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct PathPoint {
    pub turn: u32,
    pub step: Step,
    pub light: Light,
    pub primary: Move,
}

/// A day, a time or a date in an ask: "Thursday at 7", "the 17th", "tonight".
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun|tonight|tomorrow|this (week|weekend|morning|afternoon|evening)|next (week|month)|\d{1,2}(:\d\d)?\s*(am|pm|a\.m\.|p\.m\.|o'clock)|at \d{1,2}\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}|the \d{1,2}(st|nd|rd|th))\b")
        .expect("a valid pattern")
});

/// What a detector found, before the rubric gives it words.
struct Found {
    code: &'static str,
    turn: Option<u32>,
    values: Vec<(&'static str, String)>,
}

impl Found {
    fn at(code: &'static str, turn: u32) -> Found {
        Found {
            code,
            turn: Some(turn),
            values: Vec::new(),
        }
    }
    fn whole(code: &'static str) -> Found {
        Found {
            code,
            turn: None,
            values: Vec::new(),
        }
    }
    fn with(mut self, key: &'static str, value: impl ToString) -> Found {
        self.values.push((key, value.to_string()));
        self
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn is_statement(m: Move) -> bool {
    matches!(
        m,
        Move::OwnStake | Move::Educate | Move::Vision | Move::Plan
    )
}

fn is_deep_question(t: &Turn) -> bool {
    t.reading.question
        && matches!(
            t.reading.primary,
            Move::Explore | Move::Agitate | Move::Consequence | Move::Gauge
        )
}

fn step_title(cast: &Cast, step: Step) -> String {
    cast.model
        .step(step)
        .map_or_else(|| step.to_string(), |s| s.title.to_lowercase())
}

/// Scores a finished (or stopped) conversation.
pub fn score(cast: &Cast, turns: &[Turn], state: &State, rubric: &Rubric) -> Scorecard {
    let start = cast.scenario.start_step();
    let mut found: Vec<Found> = Vec::new();
    let all_moves = |m: Move| turns.iter().any(|t| t.reading.has(m));
    let index = |s: Step| s.number() - 1;

    // ---- the path
    let mut reached: Vec<Step> = Step::ALL.iter().copied().filter(|s| *s < start).collect();
    let mut previous = start;
    let mut lights_before = initial_lights(start);
    let mut pushed = 0;
    for t in turns {
        let step = t.step;
        let before = lights_before[index(previous)];
        if t.reading.primary == Move::Ask
            && lights_before[index(Step::Stake)] == Light::Yellow
            && start <= Step::Stake
        {
            if !found.iter().any(|f| f.code == "premature-ask") {
                found.push(Found::at("premature-ask", t.turn));
            }
        } else if step > previous {
            let skipped: Vec<Step> = Step::ALL
                .iter()
                .copied()
                .filter(|s| *s > previous && *s < step && !reached.contains(s))
                .collect();
            if !skipped.is_empty() {
                let names: Vec<String> = skipped.iter().map(|s| step_title(cast, *s)).collect();
                found.push(
                    Found::at("skipped-step", t.turn)
                        .with("from", step_title(cast, previous))
                        .with("to", step_title(cast, step))
                        .with("skipped", names.join(" and ")),
                );
            } else if before == Light::Yellow && pushed < 3 && previous != Step::Introduction {
                pushed += 1;
                found.push(
                    Found::at("pushed-on-yellow", t.turn)
                        .with("from", step_title(cast, previous))
                        .with("to", step_title(cast, step)),
                );
            }
        } else if step < previous
            && before == Light::Yellow
            && previous >= Step::Vision
            && !found.iter().any(|f| f.code == "looped-back")
        {
            found.push(Found::at("looped-back", t.turn).with("to", step_title(cast, step)));
        }
        if !reached.contains(&step) {
            reached.push(step);
        }
        previous = step;
        lights_before = t.lights;
    }

    // ---- listening
    let opens_before_stake = start <= Step::Stake;
    let open = turns
        .iter()
        .filter(|t| t.reading.has(Move::Explore))
        .count();
    let stake_green_at = turns
        .iter()
        .position(|t| t.lights[index(Step::Stake)] == Light::Green)
        .unwrap_or(turns.len());
    let closed = turns[..stake_green_at]
        .iter()
        .filter(|t| t.reading.primary == Move::ClosedQuestion)
        .count();
    let open_early = turns[..stake_green_at]
        .iter()
        .filter(|t| t.reading.has(Move::Explore))
        .count();
    if opens_before_stake && open == 0 {
        found.push(Found::whole("no-open-questions"));
    } else if opens_before_stake && closed >= 2 && closed > open_early {
        found.push(
            Found::whole("closed-questions")
                .with("closed", closed)
                .with("open", open_early),
        );
    }
    if opens_before_stake && !all_moves(Move::Reflect) && !turns.is_empty() {
        found.push(Found::whole("no-reflection"));
    }
    let trainee_words: usize = turns.iter().map(|t| words(&t.reading.text)).sum();
    let persona_words: usize = turns.iter().map(|t| words(&t.text)).sum();
    let talk_share = (trainee_words * 100)
        .checked_div(trainee_words + persona_words)
        .unwrap_or(0) as u32;
    if talk_share > rubric.thresholds.talk_share && turns.len() >= 3 {
        found.push(Found::whole("talked-too-much").with("share", talk_share));
    }
    // A run of statements is a lecture at `lecture_run`, or already at `lecture_run_early`
    // when it starts before their stake is found.
    let (mut run, mut run_start, mut early) = (0u32, 0u32, false);
    let mut lecture: Option<(u32, u32)> = None;
    let mut stake_found = start > Step::Stake;
    for t in turns {
        if is_statement(t.reading.primary) && !t.reading.question {
            if run == 0 {
                run_start = t.turn;
                early = !stake_found;
            }
            run += 1;
            let limit = if early {
                rubric.thresholds.lecture_run_early
            } else {
                rubric.thresholds.lecture_run
            };
            if run >= limit && lecture.is_none_or(|(_, count)| run > count) {
                lecture = Some((run_start, run));
            }
        } else {
            run = 0;
        }
        stake_found |= t.lights[index(Step::Stake)] == Light::Green;
    }
    if let Some((at, count)) = lecture {
        found.push(Found::at("lectured", at).with("count", count));
    }
    for pair in turns.windows(2) {
        let (before, t) = (&pair[0], &pair[1]);
        let after_ask = before.reading.primary == Move::Ask || before.rule == "ask:hesitates";
        if t.reading.primary == Move::Rescue && is_deep_question(before) && !after_ask {
            found.push(Found::at("rescued-silence", t.turn));
        }
        // Something came out of the silence: the stake went deeper, a target was named, or
        // the persona's own words after a deep question.
        let came_out = t.rule.starts_with("stake:")
            || t.rule == "agitation:names_target"
            || t.rule == "silence:after_deep_question";
        if t.reading.primary == Move::Silence
            && is_deep_question(before)
            && came_out
            && !found.iter().any(|f| f.code == "held-silence")
        {
            found.push(Found::at("held-silence", t.turn));
        }
    }
    if let Some(t) = turns.iter().find(|t| t.lit_up) {
        found.push(Found::at("stake-found", t.turn));
    }

    // ---- agitation, vision and the plan
    let vision_applies = start <= Step::Vision;
    if start <= Step::Agitation {
        match turns.iter().find(|t| t.rule == "agitation:names_target") {
            Some(t) => found.push(Found::at("target-named", t.turn)),
            None if !state.target_named => found.push(Found::whole("no-target")),
            None => {}
        }
    }
    if vision_applies {
        for (m, code) in [
            (Move::OwnStake, "no-own-stake"),
            (Move::Vision, "no-vision"),
            (Move::Plan, "no-plan"),
        ] {
            if !all_moves(m) {
                found.push(Found::whole(code));
            }
        }
        // Sharing the vision or the plan is what the line does, not a date named in passing.
        let shared_at = turns
            .iter()
            .position(|t| matches!(t.reading.primary, Move::Vision | Move::Plan));
        if let Some(at) = shared_at
            && !turns[at..].iter().any(|t| t.reading.has(Move::Gauge))
        {
            found.push(Found::whole("no-gauge"));
        }
    }

    // ---- the ask
    let asks: Vec<&Turn> = turns
        .iter()
        .filter(|t| t.reading.primary == Move::Ask)
        .collect();
    let ask_applies = start <= Step::Ask;
    if ask_applies && asks.is_empty() && state.answer.is_none() {
        found.push(Found::whole("never-asked"));
    }
    if let Some(first) = asks.first() {
        if !asks.iter().any(|t| WHEN.is_match(&t.reading.text)) {
            found.push(Found::at("vague-ask", first.turn));
        }
        let stake_words: Vec<String> = cast
            .persona
            .stakes
            .get_ref()
            .iter()
            .zip(&state.stakes)
            .filter(|(_, d)| **d > Depth::Untouched)
            .flat_map(|(s, _)| s.touches.iter().cloned())
            .collect();
        let framed = asks.iter().any(|t| {
            let text = t.reading.text.to_lowercase();
            t.reading.has(Move::Reflect)
                || stake_words
                    .iter()
                    .any(|w| !w.is_empty() && text.contains(&w.to_lowercase()))
        });
        if !framed && !found.iter().any(|f| f.code == "premature-ask") {
            found.push(Found::at("ask-not-framed", first.turn));
        }
    }
    for pair in turns.windows(2) {
        let (before, t) = (&pair[0], &pair[1]);
        let hesitated = before.rule == "ask:hesitates";
        let asked = before.reading.primary == Move::Ask && before.rule != "ask:yes";
        if (hesitated || asked) && t.reading.primary == Move::Rescue {
            if !found.iter().any(|f| f.code == "rescued-ask") {
                found.push(Found::at("rescued-ask", t.turn));
            }
        } else if hesitated
            && !matches!(
                t.reading.primary,
                Move::Silence | Move::Explore | Move::Reflect | Move::Rescue
            )
            && !found.iter().any(|f| f.code == "filled-silence-after-ask")
        {
            found.push(Found::at("filled-silence-after-ask", t.turn));
        }
    }
    if let Some(t) = turns.iter().find(|t| t.reading.has(Move::Pressure)) {
        found.push(Found::at("pressured", t.turn));
    }
    if state.answer == Some(Answer::PressuredYes) {
        found.push(Found::whole("pressured-yes"));
    }
    if let Some(at) = turns.iter().position(|t| t.rule == "ask:maybe") {
        let followed = turns[at + 1..].iter().any(|t| {
            matches!(
                t.reading.primary,
                Move::Consequence
                    | Move::Explore
                    | Move::Reflect
                    | Move::Agitate
                    | Move::OwnStake
                    | Move::Plan
                    | Move::Vision
                    | Move::Educate
                    | Move::Gauge
            )
        });
        if !followed && state.answer != Some(Answer::Yes) {
            found.push(Found::at("maybe-not-followed-up", turns[at].turn));
        }
    }
    match turns.iter().find(|t| t.rule == "ask:yes") {
        Some(t) if state.answer == Some(Answer::Yes) => found.push(Found::at("clear-yes", t.turn)),
        _ if state.answer == Some(Answer::No) && !state.pressured => {
            found.push(Found::whole("respectful-no"))
        }
        _ => {}
    }

    // ---- next steps: only once they said yes
    let said_yes = matches!(state.answer, Some(Answer::Yes | Answer::PressuredYes));
    if said_yes {
        let yes_at = turns
            .iter()
            .position(|t| t.rule == "ask:yes" || t.rule == "ask:pressured_yes")
            .unwrap_or(0);
        let after = &turns[yes_at..];
        if !after.iter().any(|t| t.reading.has(Move::Schedule)) {
            found.push(Found::whole("no-schedule"));
        }
        if !after.iter().any(|t| t.reading.has(Move::Recap)) {
            found.push(Found::whole("no-recap"));
        }
    }

    // ---- reading the person
    for pair in turns.windows(2) {
        let (lit, next) = (&pair[0], &pair[1]);
        if lit.lit_up
            && !matches!(
                next.reading.primary,
                Move::Explore | Move::Reflect | Move::Agitate | Move::Silence | Move::Consequence
            )
        {
            found.push(Found::at("missed-light", lit.turn));
        }
    }
    for (i, objection) in cast.persona.objections.iter().enumerate() {
        // Read as words in a message: "cousins-lease" as "cousins lease".
        let name = objection.id.get_ref().as_str().replace('-', " ");
        let end = state.objections[i];
        if let Some(t) = turns
            .iter()
            .find(|t| t.rule == format!("objection:{i}:ignored"))
        {
            found.push(Found::at("objection-ignored", t.turn).with("objection", &name));
        } else if end.status == ObjectionStatus::Hidden && end.buried {
            found.push(Found::whole("objection-buried").with("objection", &name));
        }
        if end.open() {
            found.push(Found::whole("objection-open").with("objection", &name));
        }
        if end.status == ObjectionStatus::Resolved {
            found.push(Found::whole("objection-resolved").with("objection", &name));
        }
    }

    card(
        cast,
        turns,
        state,
        rubric,
        found,
        Metrics {
            turns: turns.len(),
            trainee_words,
            persona_words,
            talk_share,
            open_questions: open,
            closed_questions: turns
                .iter()
                .filter(|t| t.reading.primary == Move::ClosedQuestion)
                .count(),
            reflections: turns
                .iter()
                .filter(|t| t.reading.has(Move::Reflect))
                .count(),
            silences: turns
                .iter()
                .filter(|t| t.reading.primary == Move::Silence)
                .count(),
            asks: asks.len(),
            pressure: turns
                .iter()
                .filter(|t| t.reading.has(Move::Pressure))
                .count(),
        },
    )
}

/// The lights as a conversation opens: a drill opens with its earlier steps green.
fn initial_lights(start: Step) -> [Light; 6] {
    Step::ALL.map(|s| {
        if s < start {
            Light::Green
        } else {
            Light::Yellow
        }
    })
}

/// Gives findings their words and costs, and adds up the areas.
fn card(
    cast: &Cast,
    turns: &[Turn],
    state: &State,
    rubric: &Rubric,
    found: Vec<Found>,
    metrics: Metrics,
) -> Scorecard {
    let start = cast.scenario.start_step();
    let said_yes = matches!(state.answer, Some(Answer::Yes | Answer::PressuredYes));
    let findings: Vec<Finding> = found
        .into_iter()
        .filter_map(|f| {
            let def = rubric.finding(f.code)?;
            let fill = |text: &str| {
                let mut text = text.replace(
                    "{turn}",
                    &f.turn.map_or_else(String::new, |t| t.to_string()),
                );
                for (key, value) in &f.values {
                    text = text.replace(&format!("{{{key}}}"), value);
                }
                text
            };
            Some(Finding {
                code: f.code.to_owned(),
                turn: f.turn,
                area: def.area.clone(),
                good: def.good,
                points: if def.good { 0 } else { def.points },
                message: fill(&def.message),
                suggestion: fill(&def.suggestion),
            })
        })
        .collect();
    let applies = |area: &str| match area {
        "next_steps" => said_yes,
        "vision" => start <= Step::Vision,
        "listening" => start <= Step::Stake || !turns.is_empty(),
        _ => true,
    };
    let areas: Vec<AreaScore> = rubric
        .area
        .iter()
        .map(|a| {
            let lost: u32 = findings
                .iter()
                .filter(|f| f.area == a.id)
                .map(|f| f.points)
                .sum();
            AreaScore {
                id: a.id.clone(),
                title: a.title.clone(),
                weight: a.weight,
                score: applies(&a.id).then(|| 100u32.saturating_sub(lost)),
            }
        })
        .collect();
    let (sum, weights) = areas
        .iter()
        .filter_map(|a| a.score.map(|s| (s * a.weight, a.weight)))
        .fold((0, 0), |(s, w), (ds, dw)| (s + ds, w + dw));
    let mut total = (sum + weights / 2).checked_div(weights).unwrap_or(0);
    let mut capped_by = None;
    for f in &findings {
        if let Some(cap) = rubric.finding(&f.code).and_then(|d| d.cap)
            && total > cap
        {
            total = cap;
            capped_by = Some(f.code.clone());
        }
    }
    let conversation_lights = turns.last().map_or(initial_lights(start), |t| t.lights);
    let steps = Step::ALL
        .iter()
        .map(|s| StepReport {
            id: *s,
            reached: *s < start || turns.iter().any(|t| t.step == *s),
            light: conversation_lights[s.number() - 1],
        })
        .collect();
    let mut findings = findings;
    // Good news first, then the misses that cost the most.
    findings.sort_by_key(|f| (!f.good, std::cmp::Reverse(f.points), f.turn));
    Scorecard {
        total,
        outcome: state.outcome(),
        pressured: state.answer == Some(Answer::PressuredYes),
        areas,
        steps,
        findings,
        metrics,
        path: turns
            .iter()
            .map(|t| PathPoint {
                turn: t.turn,
                step: t.step,
                light: t.light,
                primary: t.reading.primary,
            })
            .collect(),
        capped_by,
    }
}
