//! The `samspel` binary: all the work is in the library.

fn main() {
    let args = std::env::args_os().collect();
    let code = samspel::cli::run(args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
