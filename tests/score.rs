//! `greenlight score` and `greenlight replay` on real transcripts: scores recomputed by
//! replay, and transcripts that were edited by hand caught, never scored as written.

mod common;

use common::{Test, json, model_lines};

/// A test folder holding a transcript made by practising `lines`.
fn practised(lines: &str, extra: &[&str]) -> Test {
    let t = Test::new().file("lines.txt", lines);
    let (input, saved) = (t.path("lines.txt"), t.path("s.jsonl"));
    let mut args = vec![
        "practice",
        "--seed",
        "41",
        "--name",
        "Sam Okafor",
        "--input",
        &input,
        "--transcript",
        &saved,
    ];
    args.extend_from_slice(extra);
    let t = t.args(&args);
    t.succeeds();
    t.reset()
}

#[test]
fn a_model_conversation_scores_high_with_a_clear_yes() {
    let t = practised(model_lines().as_str(), &[]);
    let saved = t.path("s.jsonl");
    let run = t.args(&["score", "--json", &saved]).succeeds();
    let card = json(&run.stdout);
    assert_eq!(card["status"], "scored");
    assert_eq!(card["outcome"], "yes");
    assert_eq!(card["trainee"], "Sam Okafor");
    assert!(card["total"].as_u64().expect("a total") >= 85, "{card}");
    let steps = card["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 6);
    assert!(steps.iter().all(|s| s["reached"] == true), "{card}");
    assert!(
        card["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["code"] == "held-silence" && f["turn"] == 3)
    );
    assert!(card["metrics"]["talk_share"].as_u64().expect("talk share") < 50);
}

#[test]
fn the_scorecard_in_text_has_the_chart_and_what_to_try() {
    let t = practised(model_lines().as_str(), &[]);
    let saved = t.path("s.jsonl");
    let run = t.args(&["score", &saved]).succeeds();
    for part in [
        "Score ",
        "/100 · outcome yes",
        "Your path",
        "● green light  ○ yellow light",
        "the model: 1 → 2 → 3 → 4 → 5 → 6",
        "What went well",
        "held the silence",
    ] {
        assert!(run.stdout.contains(part), "{part} missing:\n{}", run.stdout);
    }
}

#[test]
fn skipping_to_the_ask_scores_low_and_says_why() {
    let t = practised(
        "Hi, I'm Sam from 2B with the tenants union, talking to everyone on the floor.\nCan I count on you to come to the building meeting Thursday at 7?\n/end\n",
        &[],
    );
    let saved = t.path("s.jsonl");
    let run = t.args(&["score", "--json", &saved]).succeeds();
    let card = json(&run.stdout);
    assert!(card["total"].as_u64().expect("total") <= 50, "{card}");
    let premature = card["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "premature-ask")
        .cloned()
        .expect("named");
    assert_eq!(premature["turn"], 2);
    assert!(
        premature["message"]
            .as_str()
            .expect("words")
            .contains("before finding out what they care about")
    );
}

#[test]
fn a_transcript_edited_by_hand_is_reported_as_altered() {
    let t = practised(model_lines().as_str(), &[]);
    let saved = t.path("s.jsonl");
    let text = std::fs::read_to_string(&saved).expect("saved");
    let faked = text.replacen("\"light\":\"yellow\"", "\"light\":\"green\"", 1);
    assert_ne!(text, faked);
    std::fs::write(&saved, faked).expect("edit");
    let run = t.args(&["score", &saved]).fails(1);
    assert!(
        run.stderr
            .contains("altered: turn 2: the recorded light differs from the replay"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stdout.contains("Score "),
        "never scored as written: {}",
        run.stdout
    );
}

#[test]
fn changed_content_and_an_undo_in_exam_mode_are_reported_as_altered() {
    let t = practised(model_lines().as_str(), &[]);
    let saved = t.path("s.jsonl");
    let text = std::fs::read_to_string(&saved).expect("saved");
    std::fs::write(&saved, text.replacen("fnv1a64:", "fnv1a64:0", 1)).expect("edit");
    let run = t.args(&["score", &saved]).fails(1);
    assert!(
        run.stderr
            .contains("altered: the content of scenario `boiler-4c` differs"),
        "{}",
        run.stderr
    );

    let exam = practised(
        "Hi, I'm Sam from 2B with the tenants union.\n/end\n",
        &["--mode", "exam"],
    );
    let saved = exam.path("s.jsonl");
    let text = std::fs::read_to_string(&saved).expect("saved");
    let with_undo = text.replacen(
        "{\"record\":\"end\"",
        "{\"record\":\"undo\",\"turn\":1}\n{\"record\":\"end\"",
        1,
    );
    std::fs::write(&saved, with_undo).expect("edit");
    let run = exam.args(&["score", &saved]).fails(1);
    assert!(
        run.stderr
            .contains("records an undo, and exam mode allows none"),
        "{}",
        run.stderr
    );
}

#[test]
fn csv_has_a_row_per_transcript_and_marks_the_altered_ones() {
    let t = practised(model_lines().as_str(), &[]);
    let saved = t.path("s.jsonl");
    let t = t.file("broken.jsonl", "not a transcript\n");
    let broken = t.path("broken.jsonl");
    let run = t.args(&["score", "--csv", &saved, &broken]).fails(1);
    let mut rows = csv::Reader::from_reader(run.stdout.as_bytes());
    let header = rows.headers().expect("a header").clone();
    assert_eq!(&header[0], "transcript");
    assert!(header.iter().any(|h| h == "listening"));
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("a row")).collect();
    assert_eq!(records.len(), 2);
    assert_eq!(&records[0][1], "scored");
    assert_eq!(&records[0][7], "yes");
    assert_eq!(&records[1][1], "unreadable");
}

#[test]
fn replay_annotates_every_turn() {
    let t = practised(model_lines().as_str(), &[]);
    let saved = t.path("s.jsonl");
    let run = t.args(&["replay", &saved]).succeeds();
    assert!(run.stdout.contains("  3 you › "), "{}", run.stdout);
    assert!(
        run.stdout.contains("read as silence · stake · green"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("✓ At turn 3 you held the silence"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Score "), "{}", run.stdout);
}

#[test]
fn a_trainers_rubric_changes_the_weights_and_a_broken_one_is_explained() {
    let t = practised(model_lines().as_str(), &[]);
    let saved = t.path("s.jsonl");
    let bundled =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rubrics/default.toml"))
            .expect("bundled");
    let strict = bundled.replace(
        "code = \"no-vision\"\narea = \"vision\"\npoints = 15",
        "code = \"no-vision\"\narea = \"vision\"\npoints = 100\ncap = 60",
    );
    let t = t.file("strict.toml", &strict).file(
        "broken.toml",
        &bundled.replace("code = \"no-plan\"", "code = \"no-plna\""),
    );
    let (strict_path, broken_path) = (t.path("strict.toml"), t.path("broken.toml"));
    let t = t.args(&["score", "--json", "--rubric", &strict_path, &saved]);
    let card = json(&t.succeeds().stdout);
    assert_eq!(card["total"], 60, "{card}");
    assert_eq!(card["capped_by"], "no-vision");
    let run = t
        .reset()
        .args(&["score", "--rubric", &broken_path, &saved])
        .fails(1);
    assert!(
        run.stderr.contains("unknown finding code `no-plna`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `no-plan`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("the rubric does not define finding `no-plan`"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_practice_ends_with_a_score_event() {
    let t = Test::new().file("lines.txt", model_lines().as_str());
    let lines = t.path("lines.txt");
    let run = t
        .args(&["practice", "--json", "--seed", "41", "--input", &lines])
        .succeeds();
    let events: Vec<serde_json::Value> = run.stdout.lines().map(json).collect();
    let end = events
        .iter()
        .position(|e| e["event"] == "end")
        .expect("an end event");
    assert_eq!(events[end]["outcome"], "yes");
    assert_eq!(events[end + 1]["event"], "score");
    assert!(events[end + 1]["total"].as_u64().expect("a total") >= 85);
}
