//! Reference conversations for every bundled scenario (tests/conversations/*.toml), played
//! through the real classifier and engine: the one that follows the model reaches the
//! outcome the scenario intends; skipping to the ask, lecturing, pressuring and rescuing
//! the silence do not reach a clear yes.

use greenlight::classify::Classifier;
use greenlight::content::{self, ContentPaths};
use greenlight::engine::{Answer, Cast, Conversation};
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
            let fixture: Fixture = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), fixture)
        })
        .collect()
}

#[test]
fn every_bundled_scenario_with_a_model_conversation_has_its_anti_patterns_too() {
    let loaded = content::load(&ContentPaths::default());
    assert!(loaded.is_clean(), "{:?}", loaded.diagnostics);
    let fixtures = fixtures();
    for (path, fixture) in &fixtures {
        let names: Vec<&str> = fixture.conversation.iter().map(|c| c.name.as_str()).collect();
        for needed in ["model", "skip-to-ask", "lecture", "pressure"] {
            assert!(names.contains(&needed), "{path} lacks a `{needed}` conversation");
        }
        assert!(
            loaded.library.scenarios.keys().any(|k| k.as_str() == fixture.scenario),
            "{path}: no scenario `{}`",
            fixture.scenario
        );
    }
    // Every bundled scenario that opens at the introduction has its reference conversations.
    for (id, entry) in &loaded.library.scenarios {
        if entry.item.drill.is_none() {
            assert!(
                fixtures.iter().any(|(_, f)| f.scenario == id.as_str()),
                "scenario `{id}` has no tests/conversations/{id}.toml"
            );
        }
    }
}

#[test]
fn reference_conversations_reach_the_outcomes_they_should() {
    let loaded = content::load(&ContentPaths::default());
    let library = loaded.library;
    let mut failures = Vec::new();
    for (path, fixture) in fixtures() {
        let cast = Cast::from_library(&library, &fixture.scenario).expect("the scenario exists");
        for reference in &fixture.conversation {
            let mut conversation = Conversation::new(cast, fixture.seed);
            let mut log = Vec::new();
            for line in &reference.lines {
                if conversation.is_over() {
                    break;
                }
                let turn = conversation.respond(Classifier::bundled().classify(line));
                log.push(format!(
                    "  {:>2} {:<16} {:<11} {:<7} {} | {}",
                    turn.turn,
                    turn.reading.primary.id(),
                    turn.step.id(),
                    format!("{:?}", turn.light).to_lowercase(),
                    line,
                    turn.text
                ));
            }
            let state = conversation.state();
            let ok = match reference.expect {
                Expect::ClearYes => state.answer == Some(Answer::Yes) && !state.pressured,
                Expect::RespectfulNo => state.answer == Some(Answer::No) && !state.pressured,
                Expect::NoClearYes => state.answer != Some(Answer::Yes),
                Expect::PressuredYes => state.answer == Some(Answer::PressuredYes),
            };
            if !ok {
                failures.push(format!(
                    "{path}: `{}` ({}) expected {:?}, got answer {:?}, end {:?}\n{}",
                    reference.name,
                    reference.about,
                    reference.expect,
                    state.answer,
                    state.end,
                    log.join("\n")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
