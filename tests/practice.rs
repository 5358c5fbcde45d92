//! Practice sessions end to end: the real binary driven through files, pipes, a killed
//! process and a pseudo-terminal, as trainees and scripts use it.

mod common;

use common::{Test, json, model_lines};
use expectrl::session::OsSession;
use expectrl::{ControlCode, Expect, Session};
use greenlight::transcript::{self, Record};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdout, Stdio};
use std::time::Duration;

fn turns_in(path: &std::path::Path) -> Vec<transcript::TurnRecord> {
    let loaded = transcript::load(path).expect("the transcript loads");
    loaded
        .records
        .into_iter()
        .filter_map(|r| match r {
            Record::Turn(t) => Some(t),
            _ => None,
        })
        .collect()
}

// ---- scripted ---------------------------------------------------------------------

#[test]
fn a_scripted_conversation_runs_to_a_clear_yes_and_is_saved() {
    let t = Test::new().file("lines.txt", model_lines().as_str());
    let (lines, saved) = (t.path("lines.txt"), t.path("out/session.jsonl"));
    let t = t.args(&[
        "practice",
        "--seed",
        "41",
        "--input",
        &lines,
        "--transcript",
        &saved,
    ]);
    let run = t.succeeds();
    assert!(run.stdout.contains("you › Hi, I'm Sam"), "{}", run.stdout);
    assert!(run.stdout.contains("Marisol  "), "{}", run.stdout);
    assert!(run.stdout.contains("/100 · outcome yes"), "{}", run.stdout);
    assert!(run.stdout.contains("next steps agreed"), "{}", run.stdout);
    let loaded = transcript::load(&t.join("out/session.jsonl")).expect("saved");
    assert_eq!(loaded.header.scenario, "boiler-4c");
    assert_eq!(loaded.header.seed, 41);
    assert_eq!(turns_in(&t.join("out/session.jsonl")).len(), 16);
    assert!(matches!(loaded.records.last(), Some(Record::End { .. })));
}

#[test]
fn the_same_seed_and_lines_give_byte_identical_output_and_transcripts() {
    let run = |seed: &str| {
        let t = Test::new()
            .file("lines.txt", model_lines().as_str())
            .env("SOURCE_DATE_EPOCH", "1796000000");
        let (lines, saved) = (t.path("lines.txt"), t.path("session.jsonl"));
        let t = t.args(&[
            "practice",
            "--seed",
            seed,
            "--input",
            &lines,
            "--transcript",
            &saved,
        ]);
        let out = t.succeeds();
        let file = std::fs::read(t.join("session.jsonl")).expect("transcript");
        (out.stdout.replace(&saved, "PATH"), file)
    };
    let (first, first_file) = run("41");
    let (second, second_file) = run("41");
    assert_eq!(first, second);
    assert_eq!(first_file, second_file);
    let (other, _) = run("42");
    assert_ne!(first, other, "another seed, other words");
}

#[test]
fn piped_stdin_is_read_like_an_input_file() {
    let t = Test::new();
    let mut child = t
        .args(&["practice", "--seed", "3"])
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Hi, I'm Sam from 2B with the tenants union.\n/end\n")
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("Marisol  "), "{stdout}");
    assert!(stdout.contains("you ended it"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}'),
        "no escape codes into a pipe: {stdout:?}"
    );
}

#[test]
fn undo_takes_back_a_line_and_is_recorded() {
    let t = Test::new().file("lines.txt", "Hi, I'm Sam from 2B with the tenants union.\nWill you come Thursday?\n/undo\nWhat has this winter been like?\n/end\n");
    let (lines, saved) = (t.path("lines.txt"), t.path("s.jsonl"));
    let t = t.args(&[
        "practice",
        "--seed",
        "5",
        "--input",
        &lines,
        "--transcript",
        &saved,
    ]);
    let run = t.succeeds();
    assert!(
        run.stdout
            .contains("(took back turn 2: \"Will you come Thursday?\")"),
        "{}",
        run.stdout
    );
    let loaded = transcript::load(&t.join("s.jsonl")).expect("saved");
    assert!(
        loaded
            .records
            .iter()
            .any(|r| matches!(r, Record::Undo { turn: 2 }))
    );
    assert_eq!(
        loaded.trainee_lines(),
        vec![
            "Hi, I'm Sam from 2B with the tenants union.",
            "What has this winter been like?"
        ]
    );
}

#[test]
fn exam_mode_has_no_hints_no_lights_and_no_undo() {
    let t = Test::new().file(
        "lines.txt",
        "Hi, I'm Sam from 2B with the tenants union.\n/hint\n/undo\n/end\n",
    );
    let lines = t.path("lines.txt");
    let run = t
        .args(&[
            "practice", "--mode", "exam", "--seed", "5", "--input", &lines,
        ])
        .succeeds();
    assert!(
        run.stdout.contains("No hints in exam mode"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("No undo in exam mode."),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("introduction · green"),
        "no lights in exam mode: {}",
        run.stdout
    );
}

#[test]
fn an_unknown_command_suggests_the_right_one() {
    let t = Test::new().file("lines.txt", "/hlep\n/end\n");
    let lines = t.path("lines.txt");
    let run = t
        .args(&["practice", "--seed", "5", "--input", &lines])
        .succeeds();
    assert!(
        run.stdout
            .contains("There is no /hlep command. Did you mean /help?"),
        "{}",
        run.stdout
    );
}

// ---- JSON through a pipe ----------------------------------------------------------

struct Live {
    child: Child,
    events: BufReader<ChildStdout>,
}

impl Live {
    fn start(t: &Test) -> Live {
        let mut child = t
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let events = BufReader::new(child.stdout.take().expect("stdout"));
        Live { child, events }
    }

    fn next(&mut self) -> serde_json::Value {
        let mut line = String::new();
        self.events.read_line(&mut line).expect("an event");
        json(&line)
    }

    fn say(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        writeln!(stdin, "{line}").expect("write");
        stdin.flush().expect("flush");
    }
}

#[test]
fn json_mode_holds_a_live_conversation_through_a_pipe() {
    let t = Test::new().args(&["practice", "--json", "--seed", "41"]);
    let mut live = Live::start(&t);
    let start = live.next();
    assert_eq!(start["event"], "start");
    assert_eq!(start["scenario"], "boiler-4c");
    // It asks, and waits: nothing more comes until a line is sent.
    assert_eq!(
        live.next(),
        serde_json::json!({"event": "prompt", "turn": 1})
    );
    live.say("Hi, I'm Sam from 2B. I'm with the East Side Tenants Union, talking to everyone on the floor.");
    let reply = live.next();
    assert_eq!(reply["event"], "persona");
    assert_eq!(reply["turn"], 1);
    assert_eq!(reply["step"], "introduction");
    assert_eq!(reply["light"], "green");
    assert_eq!(reply["moves"], serde_json::json!(["frame"]));
    assert!(reply["text"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!(live.next()["event"], "prompt");
    live.say("");
    let silence = live.next();
    assert_eq!(silence["moves"], serde_json::json!(["silence"]));
    assert_eq!(live.next()["event"], "prompt");
    live.say("/end");
    let end = live.next();
    assert_eq!(
        (end["event"].as_str(), end["reason"].as_str()),
        (Some("end"), Some("trainee"))
    );
    assert_eq!(end["outcome"], "none");
    assert_eq!(live.next()["event"], "score");
    assert_eq!(live.child.wait().expect("exit").code(), Some(0));
}

// ---- nothing is ever lost ---------------------------------------------------------

#[test]
fn a_killed_session_keeps_every_completed_turn_and_resumes() {
    let t = Test::new();
    let saved = t.path("killed.jsonl");
    let t = t.args(&["practice", "--json", "--seed", "41", "--transcript", &saved]);
    let mut live = Live::start(&t);
    let model = model_lines();
    let first: Vec<&str> = model.lines().take(3).collect();
    live.next(); // start
    for line in &first {
        assert_eq!(live.next()["event"], "prompt");
        live.say(line);
        assert_eq!(live.next()["event"], "persona");
    }
    assert_eq!(live.next()["event"], "prompt");
    live.child.kill().expect("SIGKILL");
    live.child.wait().expect("reaped");

    let turns = turns_in(&t.join("killed.jsonl"));
    assert_eq!(
        turns.iter().map(|r| r.line.as_str()).collect::<Vec<_>>(),
        first
    );

    let rest: String = model_lines()
        .as_str()
        .lines()
        .skip(3)
        .map(|l| format!("{l}\n"))
        .collect();
    let t = t.file("rest.txt", &rest);
    let rest_path = t.path("rest.txt");
    let t = t
        .reset()
        .args(&["practice", "--resume", &saved, "--input", &rest_path]);
    let resumed = t.succeeds();
    assert!(
        resumed.stdout.contains("(continuing after 3 turns)"),
        "{}",
        resumed.stdout
    );
    assert!(
        resumed.stdout.contains("/100 · outcome yes"),
        "{}",
        resumed.stdout
    );

    // The resumed conversation is the one that would have happened without the kill.
    let whole = Test::new().file("all.txt", model_lines().as_str());
    let (all, whole_saved) = (whole.path("all.txt"), whole.path("whole.jsonl"));
    let whole = whole.args(&[
        "practice",
        "--seed",
        "41",
        "--input",
        &all,
        "--transcript",
        &whole_saved,
    ]);
    whole.succeeds();
    let replies =
        |turns: Vec<transcript::TurnRecord>| turns.into_iter().map(|t| t.reply).collect::<Vec<_>>();
    let resumed_file = std::path::PathBuf::from(&saved);
    assert_eq!(
        replies(turns_in(&resumed_file)),
        replies(turns_in(&whole.join("whole.jsonl")))
    );
}

#[test]
fn a_torn_last_line_is_dropped_and_reported_on_resume() {
    let t = Test::new().file(
        "lines.txt",
        "Hi, I'm Sam from 2B with the tenants union.\n/quit\n",
    );
    let (lines, saved) = (t.path("lines.txt"), t.path("s.jsonl"));
    let t = t.args(&[
        "practice",
        "--seed",
        "5",
        "--input",
        &lines,
        "--transcript",
        &saved,
    ]);
    let run = t.succeeds();
    assert!(
        run.stdout.contains("greenlight practice --resume"),
        "{}",
        run.stdout
    );
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&saved)
        .expect("open");
    file.write_all(b"{\"record\":\"turn\",\"turn\":2,\"li")
        .expect("tear");
    drop(file);
    let t = t.file("more.txt", "What has this winter been like?\n/end\n");
    let more = t.path("more.txt");
    let t = t
        .reset()
        .args(&["practice", "--resume", &saved, "--input", &more]);
    let resumed = t.succeeds();
    assert!(resumed.stderr.contains("line 3 of"), "{}", resumed.stderr);
    assert!(
        resumed.stderr.contains("was incomplete"),
        "{}",
        resumed.stderr
    );
    let loaded = transcript::load(std::path::Path::new(&saved)).expect("loads");
    assert_eq!(
        loaded.dropped_line, None,
        "the torn line is gone from the file"
    );
    assert_eq!(loaded.trainee_lines().len(), 2);
}

#[test]
fn an_unwritable_transcript_folder_is_reported_once_and_practice_goes_on() {
    // A path under a regular file cannot be created (this works as root too).
    let t = Test::new().file("not-a-folder", "x").file(
        "lines.txt",
        "Hi, I'm Sam from 2B with the tenants union.\nWhat has this winter been like?\n/end\n",
    );
    let (lines, saved) = (t.path("lines.txt"), t.path("not-a-folder/s.jsonl"));
    let run = t
        .args(&[
            "practice",
            "--seed",
            "5",
            "--input",
            &lines,
            "--transcript",
            &saved,
        ])
        .succeeds();
    assert_eq!(
        run.stderr.matches("cannot save the transcript").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("Transcript: in memory only"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.matches("Marisol  ").count(), 2, "{}", run.stdout);
}

#[test]
fn a_transcript_is_never_overwritten() {
    let t = Test::new()
        .file("taken.jsonl", "x\n")
        .file("lines.txt", "/end\n");
    let (lines, saved) = (t.path("lines.txt"), t.path("taken.jsonl"));
    let t = t.args(&["practice", "--input", &lines, "--transcript", &saved]);
    let run = t.fails(1);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert!(run.stderr.contains("--resume"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&saved).expect("kept"), "x\n");
}

#[test]
fn resume_refuses_a_finished_conversation_and_changed_content() {
    let scenario = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/boiler-4c.toml"
    ))
    .expect("bundled");
    let t = Test::new()
        .file("club/boiler.toml", &scenario)
        .file(
            "lines.txt",
            "Hi, I'm Sam from 2B with the tenants union.\n/quit\n",
        )
        .file("end.txt", "/end\n");
    let (club, lines, saved) = (t.path("club"), t.path("lines.txt"), t.path("s.jsonl"));
    let t = t.args(&[
        "--content",
        &club,
        "practice",
        "--seed",
        "5",
        "--input",
        &lines,
        "--transcript",
        &saved,
    ]);
    t.succeeds();
    std::fs::write(
        t.join("club/boiler.toml"),
        scenario.replace("turn_limit = 30", "turn_limit = 25"),
    )
    .expect("edit");
    let end = t.path("end.txt");
    let t = t.reset().args(&[
        "--content",
        &club,
        "practice",
        "--resume",
        &saved,
        "--input",
        &end,
    ]);
    let refused = t.fails(1);
    assert!(
        refused.stderr.contains("has changed since"),
        "{}",
        refused.stderr
    );
}

// ---- at a terminal ------------------------------------------------------------------

fn repl(t: &Test, args: &[&str]) -> OsSession {
    let mut command = t.command();
    command
        .args(args)
        .env("TERM", "xterm-256color")
        .env("COLUMNS", "100");
    let mut session = Session::spawn(command).expect("a pty");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

#[test]
fn the_repl_converses_coaches_and_ends_with_a_summary() {
    let t = Test::new();
    let mut p = repl(&t, &["practice", "--seed", "41"]);
    p.expect("You speak first.").expect("the opening");
    p.expect("you ›").expect("a prompt");
    p.send_line("Hi, I'm Sam from 2B. I'm with the East Side Tenants Union, we're talking to everyone on this floor about the heat.").expect("send");
    p.expect("introduction · green")
        .expect("a green light in coach mode");
    p.send_line("/hint").expect("send");
    p.expect("step 1 of 6").expect("a hint");
    p.send_line("What has this winter been like for you and the kids?")
        .expect("send");
    p.expect("stake · yellow")
        .expect("the surface of the stake");
    p.send_line("/why").expect("send");
    p.expect("read as explore").expect("an explanation");
    p.send_line("/end").expect("send");
    p.expect("outcome none").expect("the scorecard");
    p.expect("Practise again").expect("the offer");
    p.send_line("n").expect("send");
    p.expect(expectrl::Eof).expect("it exits");
    let history = std::fs::read_to_string(t.join("home/.local/state/greenlight/history"))
        .expect("history kept");
    assert!(
        history.contains("What has this winter been like"),
        "{history}"
    );
}

#[test]
fn ctrl_c_clears_the_line_and_twice_asks_to_finish_or_leave() {
    let t = Test::new();
    let saved = t.path("s.jsonl");
    let mut p = repl(
        &t,
        &[
            "practice",
            "--seed",
            "2",
            "--transcript",
            &saved,
            "--no-history",
        ],
    );
    p.expect("you ›").expect("a prompt");
    p.send_line("Hi, I'm Sam from 2B with the tenants union, talking to the whole floor.")
        .expect("send");
    p.expect("introduction · ").expect("a reply");
    p.send("half a thought").expect("send");
    p.send(ControlCode::EndOfText).expect("Ctrl-C");
    p.expect("(Ctrl-C again, or Ctrl-D, to finish or leave)")
        .expect("a note");
    p.send(ControlCode::EndOfText).expect("Ctrl-C");
    p.expect("Finish and see how it went (f), or leave and resume later (l)?")
        .expect("the question");
    p.send_line("l").expect("send");
    p.expect("greenlight practice --resume")
        .expect("how to resume");
    p.expect(expectrl::Eof).expect("it exits");
    let loaded = transcript::load(std::path::Path::new(&saved)).expect("saved");
    assert_eq!(
        loaded.trainee_lines().len(),
        1,
        "the half line was never a turn"
    );
    assert!(
        loaded.ended().is_none(),
        "left, not ended: it can be resumed"
    );
    assert!(
        !t.join("home/.local/state/greenlight/history").exists(),
        "--no-history keeps none"
    );
}

#[test]
fn ctrl_d_then_finish_shows_the_summary() {
    let t = Test::new();
    let mut p = repl(&t, &["practice", "--seed", "2", "--mode", "realistic"]);
    p.expect("you ›").expect("a prompt");
    p.send_line("Hi, I'm Sam from 2B with the tenants union, talking to the whole floor.")
        .expect("send");
    p.expect("Marisol").expect("a reply");
    p.send(ControlCode::EndOfTransmission).expect("Ctrl-D");
    p.expect("Finish and see how it went")
        .expect("the question");
    p.send_line("f").expect("send");
    p.expect("/100 · outcome").expect("the scorecard");
    p.send_line("n").expect("send");
    p.expect(expectrl::Eof).expect("it exits");
}
