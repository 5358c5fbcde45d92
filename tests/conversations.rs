//! Reference conversations for every bundled scenario (tests/conversations/*.toml), played
//! through the real classifier and engine: the one that follows the model reaches the
//! outcome the scenario intends; skipping to the ask, lecturing, pressuring and rescuing
//! the silence do not reach a clear yes.

use greenlight::classify::Classifier;
use greenlight::content::{self, ContentPaths};
use greenlight::engine::{Answer, Cast, Conversation, Turn};
use greenlight::moves::Move;
use greenlight::score::{Rubric, score};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    scenario: String,
    seed: u64,
    conversation: Vec<Reference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    name: String,
    about: String,
    expect: Expect,
    lines: Vec<String>,
}

#[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Expect {
    /// A clear yes, not pressured.
    ClearYes,
    /// A respectful no: the conversation went well and the answer is still no.
    RespectfulNo,
    /// Anything but a clear yes.
    NoClearYes,
    /// A yes squeezed out by pressure.
    PressuredYes,
}

fn fixtures() -> Vec<(String, Fixture)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conversations");
    let mut found: Vec<_> = std::fs::read_dir(&folder)
        .expect("tests/conversations")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            let fixture: Fixture =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), fixture)
        })
        .collect()
}

#[test]
fn every_bundled_scenario_has_its_reference_conversations() {
    let loaded = content::load(&ContentPaths::default());
    assert!(loaded.is_clean(), "{:?}", loaded.diagnostics);
    let fixtures = fixtures();
    for (path, fixture) in &fixtures {
        let scenario = loaded
            .library
            .scenarios
            .iter()
            .find(|(id, _)| id.as_str() == fixture.scenario)
            .map(|(_, e)| &e.item)
            .unwrap_or_else(|| panic!("{path}: no scenario `{}`", fixture.scenario));
        // A drill opens past the early steps, so only the model conversation and the
        // mistakes still possible from there apply.
        let needed: &[&str] = if scenario.start_step() > greenlight::content::step::Step::Ask {
            // After the yes, there is no yes left to pressure out of anyone.
            &["model"]
        } else if scenario.drill.is_some() {
            &["model", "pressure"]
        } else {
            &["model", "skip-to-ask", "lecture", "pressure", "rescue"]
        };
        let names: Vec<&str> = fixture
            .conversation
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        for needed in needed {
            assert!(
                names.contains(needed),
                "{path} lacks a `{needed}` conversation"
            );
        }
    }
    // Every bundled scenario, drills included, has them.
    for id in loaded.library.scenarios.keys() {
        assert!(
            fixtures.iter().any(|(_, f)| f.scenario == id.as_str()),
            "scenario `{id}` has no tests/conversations/{id}.toml"
        );
    }
}

/// What the scorer must say about a reference conversation, by its name (issue 5): the
/// model scores at least 85; each anti-pattern at most 50, naming its own finding.
fn score_rule(name: &str) -> Option<(Bound, &'static str)> {
    match name {
        "model" => Some((Bound::AtLeast(85), "")),
        "skip-to-ask" => Some((Bound::AtMost(50), "premature-ask")),
        "lecture" => Some((Bound::AtMost(50), "lectured")),
        "pressure" => Some((Bound::AtMost(50), "pressured")),
        "rescue" => Some((Bound::AtMost(50), "rescued-ask")),
        "never-asks" => Some((Bound::AtMost(50), "never-asked")),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
enum Bound {
    AtLeast(u32),
    AtMost(u32),
}

/// The model conversation up to its first ask: everything right, except the point of it.
fn never_asks(model: &Reference) -> Reference {
    let lines = model
        .lines
        .iter()
        .take_while(|l| Classifier::bundled().classify(l).primary != Move::Ask)
        .cloned()
        .collect();
    Reference {
        name: "never-asks".into(),
        about: "The model conversation, stopped before the ask.".into(),
        expect: Expect::NoClearYes,
        lines,
    }
}

#[test]
fn reference_conversations_reach_the_outcomes_and_scores_they_should() {
    let loaded = content::load(&ContentPaths::default());
    let library = loaded.library;
    let rubric = Rubric::bundled().expect("the bundled rubric");
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for (path, fixture) in fixtures() {
        let cast = Cast::from_library(&library, &fixture.scenario).expect("the scenario exists");
        let mut references: Vec<&Reference> = fixture.conversation.iter().collect();
        // Only a conversation that opens before the ask can fail to reach it.
        let derived = fixture
            .conversation
            .iter()
            .find(|c| c.name == "model" && cast.scenario.drill.is_none())
            .map(never_asks);
        references.extend(derived.as_ref());
        for reference in references {
            let mut conversation = Conversation::new(cast, fixture.seed);
            let mut turns: Vec<Turn> = Vec::new();
            for line in &reference.lines {
                if conversation.is_over() {
                    break;
                }
                turns.push(conversation.respond(Classifier::bundled().classify(line)));
            }
            let state = conversation.state();
            let card = score(&cast, &turns, state, &rubric);
            let codes: Vec<&str> = card
                .findings
                .iter()
                .filter(|f| !f.good)
                .map(|f| f.code.as_str())
                .collect();
            report.push(format!(
                "{:<28} {:<12} {:>3}  {}",
                fixture.scenario,
                reference.name,
                card.total,
                codes.join(" ")
            ));
            let outcome_ok = match reference.expect {
                Expect::ClearYes => state.answer == Some(Answer::Yes) && !state.pressured,
                Expect::RespectfulNo => state.answer == Some(Answer::No) && !state.pressured,
                Expect::NoClearYes => state.answer != Some(Answer::Yes),
                Expect::PressuredYes => state.answer == Some(Answer::PressuredYes),
            };
            let score_ok = match score_rule(&reference.name) {
                Some((Bound::AtLeast(min), _)) => card.total >= min,
                Some((Bound::AtMost(max), code)) => card.total <= max && codes.contains(&code),
                None => true,
            };
            if !outcome_ok || !score_ok {
                let log: Vec<String> = turns
                    .iter()
                    .map(|t| {
                        format!(
                            "  {:>2} {:<16} {:<11} {:<7} {:<22} {} | {}",
                            t.turn,
                            t.reading.primary.id(),
                            t.step.id(),
                            format!("{:?}", t.light).to_lowercase(),
                            t.rule,
                            t.reading.text,
                            t.text
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{path}: `{}` ({}) expected {:?} and score {:?}; got answer {:?}, end {:?}, score {} ({})\n{}",
                    reference.name,
                    reference.about,
                    reference.expect,
                    score_rule(&reference.name),
                    state.answer,
                    state.end,
                    card.total,
                    codes.join(", "),
                    log.join("\n")
                ));
            }
        }
    }
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
