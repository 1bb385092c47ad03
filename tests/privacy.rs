//! Nothing leaves the laptop: no network code in Samspel, nor in what it is built
//! from; and every file it writes is readable by its owner only.

use std::path::Path;

/// Networking APIs of the standard library and the usual crates for it.
const NETWORK: [&str; 6] = [
    "std::net",
    "TcpStream",
    "UdpSocket",
    "TcpListener",
    "reqwest",
    "hyper",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn there_is_no_network_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "the sources were found");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for api in NETWORK {
            assert!(!text.contains(api), "{} uses {api}", file.display());
        }
    }
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    for krate in [
        "reqwest", "hyper", "ureq", "curl", "openssl", "rustls", "tokio",
    ] {
        let entry = format!("name = \"{krate}\"");
        assert!(!lock.contains(&entry), "Cargo.lock pulls in {krate}");
    }
}
