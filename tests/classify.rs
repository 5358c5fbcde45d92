//! `greenlight classify` end to end: how a line is read, as a trainee, a trainer or a
//! grader's script sees it.

mod common;

use common::{Test, json};
use std::io::Write;
use std::process::Stdio;

fn primary_of(text: &str) -> String {
    let run = Test::new().args(&["classify", "--json", text]).succeeds();
    json(&run.stdout)["primary"]
        .as_str()
        .expect("a primary move")
        .to_owned()
}

fn batch(input: &str) -> Vec<serde_json::Value> {
    let mut child = Test::new()
        .args(&["classify"])
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("greenlight runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let output = child.wait_with_output().expect("greenlight ends");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(json)
        .collect()
}

#[test]
fn a_line_of_several_sentences_is_read_in_order_and_answered_by_its_question() {
    let run = Test::new()
        .args(&[
            "classify",
            "So the heat went out four times. Who is responsible?",
        ])
        .succeeds();
    assert!(run.stdout.contains("primary: agitate"), "{}", run.stdout);
    assert!(
        run.stdout.contains("moves:   reflect, agitate"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_has_the_documented_fields() {
    let run = Test::new()
        .args(&["classify", "--json", "Will you come Tuesday?"])
        .succeeds();
    let reading = json(&run.stdout);
    assert_eq!(reading["text"], "Will you come Tuesday?");
    assert_eq!(reading["primary"], "ask");
    assert_eq!(reading["moves"], serde_json::json!(["ask"]));
}

#[test]
fn the_look_alikes_the_issue_names_are_told_apart() {
    for (text, expected) in [
        ("Why does that matter to you?", "explore"),
        ("Why do you think that is?", "agitate"),
        ("Will you come Tuesday?", "ask"),
        ("Do you like living here?", "closed_question"),
        ("Can I count on you to come Thursday at 7?", "ask"),
        ("When works for you, Thursday or Saturday?", "schedule"),
        ("Never mind, you don't have to answer that.", "rescue"),
        ("No worries, take your time.", "silence"),
        ("", "silence"),
    ] {
        assert_eq!(primary_of(text), expected, "{text:?}");
    }
}

#[test]
fn a_courtesy_question_after_an_introduction_leaves_it_an_introduction() {
    assert_eq!(
        primary_of(
            "Hi, I'm Dana from 3B, I'm with the tenants union and we're talking to everyone \
             about the heat. Got a few minutes?"
        ),
        "frame"
    );
    // Without the introduction, a courtesy is small talk, and an ask after one is an ask.
    assert_eq!(
        primary_of("Hi, I'm Dana from 3B. Will you sign the petition to the landlord?"),
        "ask"
    );
}

#[test]
fn a_short_question_is_read_with_what_came_before_it() {
    assert_eq!(
        primary_of("Suppose we win the new boiler. What does that change for you?"),
        "consequence"
    );
    assert_eq!(
        primary_of("The plant has been over its permit eleven times. Did you know that?"),
        "gauge"
    );
}

#[test]
fn keyword_stuffing_reads_as_unclear() {
    assert_eq!(
        primary_of("agitate who is responsible vision plan can I count on you"),
        "unclear"
    );
}

#[test]
fn explain_names_the_cues_and_words_that_decided() {
    let run = Test::new()
        .args(&["classify", "--explain", "Who decided to cut the 31?"])
        .succeeds();
    assert!(run.stdout.contains("primary: agitate"), "{}", run.stdout);
    assert!(
        run.stdout.contains("cue: asks who decides"),
        "the lexicon cue that fired is named:\n{}",
        run.stdout
    );
}

#[test]
fn stdin_is_a_batch_one_json_object_a_line_in_order_and_an_empty_line_is_silence() {
    let readings =
        batch("Who benefits from it staying like this?\n\nNice dog! What's her name?\r\n");
    let primaries: Vec<&str> = readings
        .iter()
        .map(|r| r["primary"].as_str().expect("primary"))
        .collect();
    assert_eq!(primaries, ["agitate", "silence", "small_talk"]);
    assert_eq!(readings[2]["text"], "Nice dog! What's her name?");
}

/// Reading a good line as pressure costs a trainee trust they earned, so these, which
/// share words with pressure ("nobody", "you deserve", "I need", "everybody"), must never
/// read as pressure; and the plainest pressure must.
#[test]
fn good_lines_are_never_read_as_pressure_and_plain_guilt_is() {
    let good = [
        "Wow. Fifty hours a week and the same flat pay. What happened when you brought it up?",
        "Nurses like you are why this floor still runs.",
        "You deserve the raise, and so does everyone on nights.",
        "The company had to pay back two million in stolen wages.",
        "We're not asking you to speak. You'd only stand with us in the back.",
        "Nobody goes alone: we deliver the letter together and the lawyer comes with us.",
        "You don't have to decide tonight. I'll call you Thursday.",
        "Forty of us are going on the 14th. Would you come too?",
        "Cards are due Friday. Can I count on yours?",
        "I need this too. My kid is in that class.",
        "That's on the agenda for the hearing, right after public comment.",
        "My mom was exposed to the same fumes for twenty years.",
        "It's okay to say no. I'd still like to keep you posted.",
        "I was scared too, but I'm going. Will you come with me Thursday?",
        "We need forty people in that room to win. Will you be one of them?",
        "Most of your floor signed this week, and it would mean a lot to have you too. Will you sign?",
    ];
    for (line, read) in good.iter().zip(batch(&good.join("\n"))) {
        assert_ne!(read["primary"], "pressure", "{line:?}");
    }
    // Guilt, or being made the holdout, then a plain ask: the ask is the pressure's.
    let guilt = [
        "Your whole hallway has signed except you, and people are starting to ask why. Can I count on you to sign?",
        "I'm not leaving until you say yes.",
        "Come on, just say yes. I'll put you down.",
        "Every other nurse on 4 North already signed. You're the last one. So are you in?",
        "If you skip it, the whole block knows who let them down. Will you come Thursday?",
        "Honestly you owe it to your kids. Can I count on you?",
    ];
    for (line, read) in guilt.iter().zip(batch(&guilt.join("\n"))) {
        assert_eq!(read["primary"], "pressure", "{line:?}");
    }
    let holdout = &batch(guilt[3])[0];
    assert_eq!(
        holdout["moves"],
        serde_json::json!(["pressure", "ask"]),
        "the pressure, then the ask it leans on: {holdout}"
    );
}
