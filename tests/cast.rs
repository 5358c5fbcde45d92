//! The bundled cast meets the bar trainees rely on: enough people and scenarios, every
//! difficulty, drills for a workshop, and personas full enough that a second run does not
//! read like the first.

use greenlight::content::persona::Persona;
use greenlight::content::scenario::Difficulty;
use greenlight::content::step::Step;
use greenlight::content::values::{Reply, Variants};
use greenlight::content::{self, ContentPaths, Library};
use greenlight::moves::Move;

fn library() -> Library {
    let loaded = content::load(&ContentPaths::default());
    assert!(loaded.is_clean(), "{:?}", loaded.diagnostics);
    loaded.library
}

#[test]
fn there_are_enough_people_scenarios_and_drills() {
    let library = library();
    assert!(
        library.personas.len() >= 10,
        "{} personas",
        library.personas.len()
    );
    assert!(
        library.scenarios.len() >= 12,
        "{} scenarios",
        library.scenarios.len()
    );
    for difficulty in [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard] {
        let count = library
            .scenarios
            .values()
            .filter(|e| e.item.difficulty == difficulty)
            .count();
        assert!(count >= 3, "only {count} {difficulty} scenarios");
    }
    for step in [Step::Agitation, Step::Ask, Step::NextSteps] {
        assert!(
            library
                .scenarios
                .values()
                .any(|e| e.item.start_step() == step),
            "no drill that opens at {step}"
        );
    }
    let default = library
        .scenarios
        .iter()
        .find(|(id, _)| id.as_str() == greenlight::DEFAULT_SCENARIO)
        .expect("the default");
    assert_eq!(default.1.item.difficulty, Difficulty::Easy);
    assert_eq!(default.1.item.start_step(), Step::Introduction);
    // Every persona is met in at least one scenario.
    for id in library.personas.keys() {
        assert!(
            library
                .scenarios
                .values()
                .any(|e| e.item.persona_id() == id),
            "nobody meets `{id}`"
        );
    }
}

/// Problems with one persona against the bar.
fn shortfalls(p: &Persona) -> Vec<String> {
    let mut short = Vec::new();
    let mut need = |what: &str, reply: Option<&Reply>, at_least: usize| match reply {
        None => short.push(format!("no {what}")),
        Some(r) if r.says.len() < at_least => short.push(format!(
            "{what}: {} variants, want {at_least}",
            r.says.len()
        )),
        Some(r) if r.cue.as_ref().is_none_or(Variants::is_empty) => {
            short.push(format!("{what}: no body language"))
        }
        _ => {}
    };
    need("introduction.opens_up", p.introduction.opens_up.as_ref(), 5);
    need("introduction.guarded", p.introduction.guarded.as_ref(), 5);
    for stake in p.stakes.get_ref() {
        need(
            &format!("stake {} surface", stake.id.get_ref()),
            Some(&stake.surface),
            5,
        );
        need(
            &format!("stake {} story", stake.id.get_ref()),
            Some(&stake.story),
            3,
        );
        need(
            &format!("stake {} deep", stake.id.get_ref()),
            Some(&stake.deep),
            3,
        );
    }
    need("agitation.not_yet", p.agitation.not_yet.as_ref(), 3);
    need(
        "agitation.names_target",
        p.agitation.names_target.as_ref(),
        3,
    );
    need("vision.skeptical", p.vision.skeptical.as_ref(), 3);
    need("vision.open", p.vision.open.as_ref(), 3);
    for o in &p.objections {
        let id = o.id.get_ref();
        need(&format!("objection {id} surfaces"), Some(&o.surfaces), 3);
        need(&format!("objection {id} explored"), Some(&o.explored), 3);
        need(&format!("objection {id} resolved"), Some(&o.resolved), 3);
        need(&format!("objection {id} ignored"), o.ignored.as_ref(), 3);
    }
    need(
        "silence.after_deep_question",
        p.silence.after_deep_question.as_ref(),
        5,
    );
    need("silence.early", p.silence.early.as_ref(), 5);
    need(
        "silence.after_statement",
        p.silence.after_statement.as_ref(),
        5,
    );
    need("silence.repeated", p.silence.repeated.as_ref(), 5);
    need("ask.yes", Some(&p.ask.yes), 5);
    need("ask.maybe", Some(&p.ask.maybe), 5);
    need("ask.no", Some(&p.ask.no), 5);
    need("ask.too_soon", p.ask.too_soon.as_ref(), 3);
    need("ask.pressured_yes", p.ask.pressured_yes.as_ref(), 3);
    need("ask.hesitates", p.ask.hesitates.as_ref(), 3);
    need("next_steps.schedule", p.next_steps.schedule.as_ref(), 3);
    need("next_steps.recap", p.next_steps.recap.as_ref(), 3);
    need("patience.wearing_thin", p.patience.wearing_thin.as_ref(), 3);
    need("patience.leaves", p.patience.leaves.as_ref(), 3);
    if p.stakes.get_ref().len() < 2 {
        short.push("fewer than two stakes".into());
    }
    if p.objections.len() < 2 {
        short.push("fewer than two hidden objections".into());
    }
    if p.next_steps.reach_by.is_none() || p.next_steps.best_time.is_none() {
        short.push("no way or time to follow up".into());
    }
    for m in [
        Move::ClosedQuestion,
        Move::SmallTalk,
        Move::Pressure,
        Move::Rescue,
        Move::Unclear,
    ] {
        match p.reactions.iter().find(|r| r.to == m) {
            None => short.push(format!("no reaction of its own to {m}")),
            Some(r) if r.says.len() < 5 => short.push(format!(
                "reaction to {m}: {} variants, want 5",
                r.says.len()
            )),
            Some(_) => {}
        }
    }
    short
}

#[test]
fn every_persona_is_full_enough_to_meet_twice() {
    let library = library();
    let report: Vec<String> = library
        .personas
        .values()
        .map(|e| (e.item.id().to_string(), shortfalls(&e.item)))
        .filter(|(_, s)| !s.is_empty())
        .map(|(id, s)| format!("{id}:\n  {}", s.join("\n  ")))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn every_scenario_briefs_fully() {
    for (id, entry) in &library().scenarios {
        let s = &entry.item;
        assert!(
            s.objectives.get_ref().len() >= 3,
            "{id}: {} objectives",
            s.objectives.get_ref().len()
        );
        assert!(
            s.campaign.milestones.get_ref().len() >= 2,
            "{id}: the plan needs dates"
        );
        assert!(
            !s.campaign.precedent.trim().is_empty(),
            "{id}: no precedent"
        );
        assert!(
            s.campaign.ask.chars().any(|c| c.is_ascii_digit()),
            "{id}: the ask names no time: {}",
            s.campaign.ask
        );
    }
}
