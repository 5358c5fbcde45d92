//! The command line, declared with clap's derive API. Doc comments are the help text.

use crate::style::ColorChoice;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const CREDIT: &str = "greenlight teaches the six-step one-on-one from \"Steps in a One-on-One \
Organizing Conversation\" by Katey Lauer and Andrew Willis Garcés, Training for Change \
(CC BY-NC-ND 4.0), described in greenlight's own words.";

const EXAMPLES: &str = "\
Examples:
  greenlight                           Start on the default scenario
  greenlight list                      The scenarios you can practise
  greenlight list personas --json      Personas, as JSON for scripts
  greenlight show boiler-4c            A scenario's briefing
  greenlight --content ~/club check    Check your own personas and scenarios
  greenlight check my-persona.toml     Check one file

Content is read from the bundled files, then ~/.config/greenlight, then each folder in
GREENLIGHT_PATH (separated by ':'), then each --content folder; a later file with the same
kind and id replaces an earlier one. The format: docs/content-format.md.";

/// Practise one-on-one organizing conversations against scripted personas.
#[derive(Debug, Parser)]
#[command(
    name = "greenlight",
    version,
    about,
    long_about = format!(
        "Practise one-on-one organizing conversations against scripted personas: a tenant, a \
         night-shift nurse, a student. You play the organizer; a scorer compares your path \
         with the six steps of a good one-on-one.\n\n{CREDIT}"
    ),
    after_help = "Run `greenlight --help` for examples and credits.",
    after_long_help = EXAMPLES,
)]
pub struct Cli {
    /// Read personas, scenarios and models from DIR too (repeatable; later wins)
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Vec<PathBuf>,

    /// When to use colour
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List scenarios, personas or models
    List {
        /// What to list
        #[arg(value_enum, default_value_t = Listing::Scenarios)]
        what: Listing,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Show a scenario's briefing: the person, the place, the campaign and the ask
    Show {
        /// A scenario id, as `greenlight list` shows it
        scenario: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Read a line as organizer moves, as the engine would
    #[command(
        long_about = "Read a line as organizer moves, as the engine would: its primary move (the \
                      one the persona answers) and every move in it, in order. With no TEXT, reads \
                      standard input, one line per utterance (an empty line is silence), and prints \
                      one JSON object per line.",
        after_help = "Examples:\n  greenlight classify \"So the heat went out four times. Who is responsible?\"\n  \
                      greenlight classify --explain Why does that matter to you?\n  \
                      printf 'Hi, I am Sam from 2B\\n\\nWill you come Thursday?\\n' | greenlight classify"
    )]
    Classify {
        /// The line to read (quotes optional)
        text: Vec<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Show the cues that decided each move
        #[arg(long)]
        explain: bool,
    },
    /// Check personas, scenarios and models for mistakes
    #[command(
        long_about = "Check personas, scenarios and models for mistakes. With no PATH, checks \
                      everything that would be loaded; with PATHs, checks those files and \
                      folders (against everything else, so references to bundled personas \
                      resolve). Reports every problem as path:line:col: message, and exits 1 if \
                      there is any."
    )]
    Check {
        /// Files or folders to check
        paths: Vec<PathBuf>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Example: greenlight completions bash > ~/.local/share/bash-completion/completions/greenlight"
    )]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    #[command(after_help = "Example: greenlight man | man -l -")]
    Man,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Listing {
    Scenarios,
    Personas,
    Models,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
