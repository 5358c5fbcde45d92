use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    greenlight::run(greenlight::cli::Cli::parse())
}
