//! End-to-end tests of the real binary: what a trainer or a script sees.

mod common;

use common::{Test, json};
use std::path::Path;
use std::process::Stdio;

const PERSONA: &str = r#"kind = "persona"
id = "dolores-ibarra"
name = "Dolores Ibarra"
role = "Parent of a third-grader"
portrait = "Works two jobs."

[[stakes]]
id = "class-size"
about = "Thirty-four kids and no aide"
surface = { says = "It's crowded." }
story = { says = "Nobody checked Inés's reading all month." }
deep = { says = "I promised myself she would finish school." }

[ask]
yes = { says = "Okay. I'll be there." }
maybe = { says = "I'll see." }
no = { says = "I can't." }
"#;

const SCENARIO: &str = r#"kind = "scenario"
id = "lincoln-aide"
title = "No aide at Lincoln"
persona = "dolores-ibarra"
difficulty = "easy"
summary = "A parent at pick-up."
objectives = ["Find the stake"]

[setting]
place = "Lincoln Elementary, the pick-up line"
time = "3:10 pm"
you_are = "A parent on the PTA's budget committee"
scene = "Kids pour out of the doors."

[organization]
name = "Lincoln Parents United"
about = "Parents fighting the district's cuts."

[campaign]
issue = "The district cut every classroom aide."
targets = [{ name = "The school board", role = "votes the budget" }]
vision = "An aide in every class over 25."
plan = "Pack the March budget hearing."
milestones = [{ when = "March 3", what = "budget hearing" }]
precedent = "Jefferson parents won their aides back in 2024."
ask = "Come to the March 3 hearing."
"#;

// ---- what ships -------------------------------------------------------------------

#[test]
fn list_shows_the_bundled_scenarios_easiest_first() {
    let run = Test::new().args(&["list"]).succeeds();
    let mut lines = run.stdout.lines();
    assert!(lines.next().expect("a header").starts_with("ID"));
    assert!(run.stdout.contains("boiler-4c"), "{}", run.stdout);
    assert!(run.stdout.lines().nth(1).expect("a row").contains("easy"));
}

#[test]
fn list_scenarios_json_has_the_documented_fields() {
    let run = Test::new()
        .args(&["list", "scenarios", "--json"])
        .succeeds();
    let rows = json(&run.stdout);
    let rows = rows.as_array().expect("an array");
    assert!(rows.len() >= 2);
    for row in rows {
        for key in ["id", "title", "persona", "difficulty", "summary"] {
            assert!(row[key].is_string(), "{key} in {row}");
        }
    }
    let default = rows
        .iter()
        .find(|r| r["id"] == "boiler-4c")
        .expect("the default scenario");
    assert_eq!(default["difficulty"], "easy");
}

#[test]
fn list_personas_and_models() {
    let personas = Test::new().args(&["list", "personas", "--json"]).succeeds();
    let personas = json(&personas.stdout);
    assert!(
        personas
            .as_array()
            .expect("an array")
            .iter()
            .any(|p| p["id"] == "marisol-reyes")
    );
    let models = Test::new().args(&["list", "models"]).succeeds();
    assert!(models.stdout.contains("six-step"), "{}", models.stdout);
}

#[test]
fn show_prints_the_briefing() {
    let run = Test::new().args(&["show", "boiler-4c"]).succeeds();
    for part in [
        "The boiler in 4C",
        "Marisol",
        "East Side Tenants Union",
        "The ask",
        "Milestones",
        "Precedent",
    ] {
        assert!(
            run.stdout.contains(part),
            "{part} missing from:\n{}",
            run.stdout
        );
    }
}

#[test]
fn show_json_is_the_briefing_without_the_secrets() {
    let run = Test::new()
        .args(&["show", "boiler-4c", "--json"])
        .succeeds();
    let b = json(&run.stdout);
    assert_eq!(b["id"], "boiler-4c");
    assert_eq!(b["persona"]["id"], "marisol-reyes");
    assert!(b["persona"]["name"].is_string());
    for key in ["issue", "vision", "plan", "precedent", "ask"] {
        assert!(b["campaign"][key].is_string(), "campaign.{key}");
    }
    assert!(
        !b["campaign"]["targets"]
            .as_array()
            .expect("targets")
            .is_empty()
    );
    assert!(b["campaign"]["milestones"][0]["when"].is_string());
    // Hidden objections are for the trainee to find, not to read.
    assert!(!run.stdout.contains("\"fear\""), "{}", run.stdout);
    assert!(!run.stdout.contains("objections"), "{}", run.stdout);
}

#[test]
fn show_an_unknown_scenario_suggests_the_nearest() {
    let run = Test::new().args(&["show", "boiler-4"]).fails(1);
    assert!(
        run.stderr.contains("no scenario `boiler-4`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `boiler-4c`?"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn no_arguments_opens_the_default_scenario() {
    let run = Test::new().succeeds();
    assert!(run.stdout.contains("The boiler in 4C"), "{}", run.stdout);
}

#[test]
fn everything_bundled_checks_clean() {
    let run = Test::new().args(&["check"]).succeeds();
    assert!(run.stdout.contains("no problems"), "{}", run.stdout);
}

// ---- a trainer's own content --------------------------------------------------------

#[test]
fn a_trainers_folder_adds_personas_and_scenarios() {
    let t = Test::new()
        .file("club/dolores.toml", PERSONA)
        .file("club/lincoln.toml", SCENARIO);
    let club = t.path("club");
    let run = t.args(&["--content", &club, "list", "--json"]).succeeds();
    assert!(
        json(&run.stdout)
            .as_array()
            .expect("rows")
            .iter()
            .any(|r| r["id"] == "lincoln-aide")
    );
}

#[test]
fn every_example_file_in_the_format_doc_passes_check() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content-format.md"),
    )
    .expect("docs/content-format.md");
    // Whole files start with `kind`; the other blocks are fragments of one.
    let examples: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .filter(|block| block.lines().any(|l| l.starts_with("kind = ")))
        .collect();
    assert!(
        examples.len() >= 3,
        "a minimal persona and a full persona and scenario"
    );
    let mut t = Test::new();
    for (n, example) in examples.iter().enumerate() {
        t = t.file(&format!("docs/example-{n}.toml"), example);
    }
    let docs = t.path("docs");
    let run = t.args(&["check", &docs]).succeeds();
    assert!(
        run.stdout
            .contains(&format!("checked {} files: no problems", examples.len())),
        "{}",
        run.stdout
    );
}

#[test]
fn greenlight_path_and_the_config_folder_are_read() {
    let t = Test::new()
        .file("a/dolores.toml", PERSONA)
        .file("home/.config/greenlight/lincoln.toml", SCENARIO);
    let a = t.path("a");
    let run = t
        .env("GREENLIGHT_PATH", &a)
        .args(&["list", "--json"])
        .succeeds();
    assert!(run.stdout.contains("lincoln-aide"), "{}", run.stdout);

    let t = Test::new().file("xdg/greenlight/dolores.toml", PERSONA);
    let xdg = t.path("xdg");
    let run = t
        .env("XDG_CONFIG_HOME", &xdg)
        .args(&["list", "personas", "--json"])
        .succeeds();
    assert!(run.stdout.contains("dolores-ibarra"), "{}", run.stdout);
}

#[test]
fn a_trainers_file_with_a_bundled_id_replaces_it() {
    // The bundled drill at 4C relies on this stake id, so the replacement keeps it.
    let own = PERSONA
        .replace("dolores-ibarra", "marisol-reyes")
        .replace("Dolores Ibarra", "Marisol Quintero")
        .replace("class-size", "teo-and-the-cold");
    let t = Test::new().file("mine/marisol.toml", &own);
    let mine = t.path("mine");
    let run = t
        .args(&["--content", &mine, "list", "personas", "--json"])
        .succeeds();
    let rows = json(&run.stdout);
    let marisol = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "marisol-reyes")
        .expect("marisol");
    assert_eq!(marisol["name"], "Marisol Quintero");
    assert!(
        marisol["source"]
            .as_str()
            .expect("source")
            .ends_with("marisol.toml")
    );
}

#[test]
fn a_replacement_missing_what_a_bundled_drill_needs_is_blamed_on_the_replacement() {
    let own = PERSONA.replace("dolores-ibarra", "marisol-reyes");
    let t = Test::new().file("mine/marisol.toml", &own);
    let mine = t.path("mine");
    let run = t.args(&["--content", &mine, "check"]).fails(1);
    let err = run.stderr.replace(&mine, "MINE");
    assert!(
        err.contains("MINE/marisol.toml:2:6: this persona replaces the bundled `marisol-reyes`, but has no stake `teo-and-the-cold`, which the bundled scenario `boiler-4c-the-ask` needs"),
        "{err}"
    );
    assert!(
        err.contains("add a stake with id = \"teo-and-the-cold\""),
        "{err}"
    );
}

// ---- every mistake gets a located message -------------------------------------------

/// Checks one file and returns stderr, asserting exit 1.
fn check_file(contents: &str) -> String {
    let t = Test::new().file("mine/file.toml", contents);
    let path = t.path("mine/file.toml");
    let run = t.args(&["check", &path]).fails(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.stderr.replace(&path, "FILE")
}

#[test]
fn a_toml_syntax_error_is_located() {
    let err = check_file("kind = \"persona\"\nid = \"x\"\nname = \"Dolores\n");
    assert!(err.starts_with("FILE:3:16: "), "{err}");
    assert!(err.contains("hint: this is TOML syntax"), "{err}");
    assert!(err.contains("3 | name = \"Dolores"), "{err}");
}

#[test]
fn an_unknown_key_suggests_the_nearest_known_key() {
    let err = check_file(&PERSONA.replace("portrait =", "portait ="));
    assert!(err.starts_with("FILE:5:1: unknown key `portait`"), "{err}");
    assert!(err.contains("did you mean `portrait`?"), "{err}");
}

#[test]
fn a_wrong_type_says_what_was_expected() {
    let err = check_file(&PERSONA.replace("name = \"Dolores Ibarra\"", "name = 42"));
    assert!(
        err.starts_with("FILE:3:8: wrong type: found integer `42`, expected a string"),
        "{err}"
    );
}

#[test]
fn an_out_of_range_number_says_the_range() {
    let err = check_file(&format!("{PERSONA}\n[start]\ntrust = 140\n"));
    assert!(
        err.contains(":20:9: 140 is out of range: expected a whole number from 0 to 100"),
        "{err}"
    );
    assert!(!err.contains("TOML syntax"), "{err}");
}

#[test]
fn an_echo_that_can_never_be_heard_is_located() {
    let persona = format!(
        "{PERSONA}\n[vision.open]\nsays = \"Okay.\"\n\n[[vision.open.echo]]\nwhen = []\nsays = \"Heat logs. Okay.\"\n"
    );
    let err = check_file(&persona);
    assert!(
        err.contains(":23:8: empty list: name at least one word"),
        "{err}"
    );
    let blank = check_file(&persona.replace("when = []", "when = [\"logs\", \" \"]"));
    assert!(blank.contains("word 2 is blank"), "{blank}");
    let mute = check_file(&persona.replace("when = []", "when = [\"percent\", \"%\"]"));
    assert!(
        mute.contains(":23:8: word 2 (\"%\") has no letters or digits"),
        "{mute}"
    );
    let stake = check_file(&PERSONA.replace(
        "about = \"Thirty-four kids and no aide\"\n",
        "about = \"Thirty-four kids and no aide\"\ntouches = [\"aide\", \"34%\", \"--\"]\n",
    ));
    assert!(
        stake.contains(":10:11: word 3 (\"--\") has no letters or digits"),
        "a stake's words are held to the same rule: {stake}"
    );
}

#[test]
fn a_missing_key_is_named() {
    let err = check_file(&PERSONA.replace("role = \"Parent of a third-grader\"\n", ""));
    assert!(err.starts_with("FILE:1:1: missing key `role`"), "{err}");
    let err = check_file(&PERSONA.replace(
        "deep = { says = \"I promised myself she would finish school.\" }\n",
        "",
    ));
    assert!(err.contains("missing key `deep`"), "{err}");
    assert!(err.starts_with("FILE:7:1:"), "the stake's table: {err}");
}

#[test]
fn an_empty_file_is_an_error() {
    let err = check_file("");
    assert!(err.starts_with("FILE:1:1: the file is empty"), "{err}");
    let err = check_file("  \n\n");
    assert!(err.contains("the file is empty"), "{err}");
}

#[test]
fn a_file_that_is_not_utf8_is_located() {
    let t = Test::new();
    std::fs::create_dir_all(t.dir.path().join("mine")).expect("mkdir");
    std::fs::write(
        t.dir.path().join("mine/latin1.toml"),
        b"kind = \"persona\"\nname = \"Jos\xe9\"\n",
    )
    .expect("write");
    let path = t.path("mine/latin1.toml");
    let run = t.args(&["check", &path]).fails(1);
    assert!(
        run.stderr
            .contains(":2:12: the file is not UTF-8 text: byte 0xE9"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_over_a_mebibyte_is_refused() {
    let big = format!("{PERSONA}\n# {}\n", "x".repeat(1024 * 1024));
    let err = check_file(&big);
    assert!(err.starts_with("FILE: the file is "), "{err}");
    assert!(err.contains("at most 1048576 bytes (1 MiB)"), "{err}");
}

#[test]
fn a_missing_or_unknown_kind_is_explained() {
    let err = check_file(&PERSONA.replace("kind = \"persona\"\n", ""));
    assert!(err.starts_with("FILE:1:1: missing `kind`"), "{err}");
    let err = check_file(&PERSONA.replace("kind = \"persona\"", "kind = \"persone\""));
    assert!(err.starts_with("FILE:1:8: unknown kind `persone`"), "{err}");
    assert!(err.contains("did you mean `persona`?"), "{err}");
}

#[test]
fn a_bad_id_shows_a_good_one() {
    let err = check_file(&PERSONA.replace("id = \"dolores-ibarra\"", "id = \"Dolores Ibarra\""));
    assert!(
        err.starts_with("FILE:2:6: invalid id `Dolores Ibarra`"),
        "{err}"
    );
    assert!(err.contains("`dolores-ibarra`"), "{err}");
}

#[test]
fn duplicate_ids_within_a_file_and_within_a_folder() {
    let twice = PERSONA.replace(
        "[ask]",
        "[[stakes]]\nid = \"class-size\"\nabout = \"again\"\nsurface = { says = \"a\" }\nstory = { says = \"b\" }\ndeep = { says = \"c\" }\n\n[ask]",
    );
    let err = check_file(&twice);
    assert!(
        err.contains(":15:6: duplicate stake id `class-size` (first at line 8, column 6)"),
        "{err}"
    );

    let t = Test::new()
        .file("club/a.toml", PERSONA)
        .file("club/b.toml", PERSONA);
    let club = t.path("club");
    let run = t.args(&["check", &club]).fails(1);
    let err = run.stderr.replace(&club, "CLUB");
    assert!(
        err.contains(
            "CLUB/b.toml:2:6: duplicate persona id `dolores-ibarra`: CLUB/a.toml:2:6 defines it too"
        ),
        "{err}"
    );
}

#[test]
fn a_scenario_naming_a_missing_persona_suggests_one() {
    let err =
        check_file(&SCENARIO.replace("persona = \"dolores-ibarra\"", "persona = \"marisol-reye\""));
    assert!(
        err.starts_with(
            "FILE:4:11: scenario `lincoln-aide` names persona `marisol-reye`, which does not exist"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `marisol-reyes`?"), "{err}");
}

#[test]
fn a_drill_naming_an_undefined_stake_or_objection_is_caught() {
    let drill = format!(
        "{SCENARIO}\n[drill]\nso_far = \"They talked about class size.\"\nuncovered = [\"class-sise\"]\nsurfaced = [\"no-time\"]\n"
    );
    let t = Test::new()
        .file("club/dolores.toml", PERSONA)
        .file("club/lincoln.toml", &drill);
    let club = t.path("club");
    let run = t.args(&["check", &club]).fails(1);
    assert!(
        run.stderr
            .contains("persona `dolores-ibarra` has no stake `class-sise`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `class-size`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("persona `dolores-ibarra` has no objection `no-time`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("known objections: none"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_step_name_not_in_the_model_suggests_the_step() {
    let err =
        check_file(&SCENARIO.replace("objectives =", "start_step = \"agitate\"\nobjectives ="));
    assert!(
        err.starts_with("FILE:7:14: unknown value `agitate`"),
        "{err}"
    );
    assert!(err.contains("did you mean `agitation`?"), "{err}");
}

#[test]
fn a_drill_without_its_summary_is_caught() {
    let t = Test::new().file("club/dolores.toml", PERSONA).file(
        "club/lincoln.toml",
        &SCENARIO.replace("objectives =", "start_step = \"ask\"\nobjectives ="),
    );
    let club = t.path("club");
    let run = t.args(&["check", &club]).fails(1);
    assert!(
        run.stderr
            .contains(":7:14: the scenario opens at `ask` but has no [drill] table"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_model_with_its_steps_out_of_order_is_caught() {
    let model = r#"kind = "model"
id = "mine"
title = "Mine"
credit = "Us"

[[steps]]
id = "stake"
title = "Stake"
you_do = "Ask"
moves = ["explore"]
green = "Stories"
on_green = "introduction"

[[steps]]
id = "introduction"
title = "Intro"
you_do = "Frame"
moves = []
green = "Open"
"#;
    let err = check_file(model);
    assert!(
        err.contains("FILE:7:6: step 1 is `stake`, expected `introduction`"),
        "{err}"
    );
    assert!(err.contains("the model has 2 steps, expected 6"), "{err}");
    assert!(err.contains("step `introduction` has no moves"), "{err}");
}

#[test]
fn check_reports_every_problem_in_every_file() {
    let t = Test::new()
        .file("club/one.toml", &PERSONA.replace("portrait =", "portait ="))
        .file("club/two.toml", "")
        .file(
            "club/three.toml",
            &SCENARIO.replace("dolores-ibarra", "nobody"),
        );
    let club = t.path("club");
    let run = t.args(&["check", &club]).fails(1);
    assert!(
        run.stderr.contains("one.toml:5:1: unknown key `portait`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("two.toml:1:1: the file is empty"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("three.toml:4:11: scenario `lincoln-aide` names persona `nobody`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("checked 3 files: 3 problems in 3 files"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_json_lists_problems_with_locations() {
    let t = Test::new().file("club/one.toml", &PERSONA.replace("portrait =", "portait ="));
    let club = t.path("club");
    let run = t.args(&["check", &club, "--json"]).fails(1);
    let report = json(&run.stdout);
    assert_eq!(report["ok"], false);
    assert_eq!(report["files"], 1);
    let problem = &report["problems"][0];
    assert_eq!(problem["line"], 5);
    assert_eq!(problem["column"], 1);
    assert_eq!(problem["message"], "unknown key `portait`");
    assert!(
        problem["hint"]
            .as_str()
            .expect("a hint")
            .contains("portrait")
    );
}

#[test]
fn broken_content_stops_other_commands_with_the_problems() {
    let t = Test::new().file("club/one.toml", "kind = \"persona\"\n");
    let club = t.path("club");
    let run = t.args(&["--content", &club, "list"]).fails(1);
    assert!(
        run.stderr.contains("one.toml:1:1: missing key `id`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("greenlight check"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn a_missing_content_folder_is_an_error() {
    let run = Test::new()
        .args(&["--content", "no/such/place", "list"])
        .fails(1);
    assert!(
        run.stderr.contains("no/such/place: no such folder"),
        "{}",
        run.stderr
    );
}

// ---- untrusted text never reaches the terminal raw ----------------------------------

#[test]
fn control_characters_in_content_are_not_printed() {
    let evil = PERSONA.replace(
        "Dolores Ibarra",
        "Dolores\\u001b[2J\\u001b]52;c;aGk=\\u0007 \\u202eIbarra",
    );
    let t = Test::new()
        .file("club/dolores.toml", &evil)
        .file("club/lincoln.toml", SCENARIO);
    let club = t.path("club");
    for args in [vec!["list", "personas"], vec!["show", "lincoln-aide"]] {
        let mut all = vec!["--content", club.as_str(), "--color", "always"];
        all.extend(args);
        let run = Test {
            dir: tempfile::tempdir().expect("tmp"),
            args: Vec::new(),
            env: Vec::new(),
        }
        .args(&all)
        .succeeds();
        assert!(!run.stdout.contains("\u{1b}[2J"), "{:?}", run.stdout);
        assert!(!run.stdout.contains('\u{7}'), "{:?}", run.stdout);
        assert!(!run.stdout.contains('\u{202e}'), "{:?}", run.stdout);
        assert!(run.stdout.contains('\u{fffd}'), "{:?}", run.stdout);
    }
}

// ---- the conventions of a command-line tool -----------------------------------------

#[test]
fn colour_follows_the_flag_and_no_color() {
    let always = Test::new().args(&["--color", "always", "list"]).succeeds();
    assert!(always.stdout.contains('\u{1b}'), "{:?}", always.stdout);
    let piped = Test::new().args(&["list"]).succeeds();
    assert!(!piped.stdout.contains('\u{1b}'));
    let forced = Test::new()
        .env("CLICOLOR_FORCE", "1")
        .args(&["list"])
        .succeeds();
    assert!(forced.stdout.contains('\u{1b}'));
    let no_color = Test::new()
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .args(&["list"])
        .succeeds();
    assert!(!no_color.stdout.contains('\u{1b}'));
}

#[test]
fn json_is_never_coloured() {
    for args in [
        &["list", "--json"][..],
        &["show", "boiler-4c", "--json"],
        &["check", "--json"],
    ] {
        let mut all = vec!["--color", "always"];
        all.extend_from_slice(args);
        let run = Test::new().args(&all).succeeds();
        assert!(!run.stdout.contains('\u{1b}'), "{args:?}");
        json(&run.stdout);
    }
}

#[test]
fn usage_errors_exit_2() {
    let run = Test::new().args(&["lsit"]).fails(2);
    assert!(run.stderr.contains("lsit"), "{}", run.stderr);
    Test::new().args(&["list", "nonsense"]).fails(2);
    Test::new().args(&["--color", "sometimes", "list"]).fails(2);
}

#[test]
fn help_credits_the_model_and_shows_examples() {
    let long = Test::new().args(&["--help"]).succeeds();
    for part in [
        "Katey Lauer",
        "Andrew Willis Garcés",
        "Training for Change",
        "Examples:",
        "GREENLIGHT_PATH",
    ] {
        assert!(long.stdout.contains(part), "{part} missing from --help");
    }
    let short = Test::new().args(&["-h"]).succeeds();
    assert!(short.stdout.len() < long.stdout.len());
    let version = Test::new().args(&["--version"]).succeeds();
    assert_eq!(
        version.stdout.trim(),
        format!("greenlight {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_and_man_page() {
    let bash = Test::new().args(&["completions", "bash"]).succeeds();
    assert!(bash.stdout.contains("greenlight"));
    let man = Test::new().args(&["man"]).succeeds();
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [&["man"][..], &["completions", "zsh"], &["list"]] {
        let t = Test::new().args(args);
        let mut child = t
            .command()
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Close our end at once, as `| head -0` would.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
