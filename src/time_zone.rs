//! The computer's time zone, for showing times of day as the room's clocks do.
//!
//! jiff's `TimeZone::system()` wants the zone's name, so it looks the name that
//! `/etc/localtime` links to up in its time-zone database; opening that database
//! first walks every folder of `/usr/share/zoneinfo`, a few milliseconds before
//! the app's first frame. The zone's rules are in the file `/etc/localtime` links
//! to, which is all a time of day needs, so that file is read directly.

use jiff::tz::TimeZone;

/// The local time zone: `TZ` if it is set, else the system's. Never fails: a
/// system without a readable zone shows UTC (jiff logs why).
pub fn local() -> TimeZone {
    #[cfg(unix)]
    if std::env::var_os("TZ").is_none()
        && let Some(tz) = linked(std::path::Path::new("/etc/localtime"))
    {
        return tz;
    }
    // `TZ` is a name, a path or a POSIX rule, all of which jiff reads (and for
    // a name it opens the database: only then is it walked). So is a system
    // whose `/etc/localtime` is a copy rather than a link, and Windows.
    TimeZone::system()
}

/// The zone of a link into a zoneinfo folder, named as the link names it
/// (`…/zoneinfo/Europe/Stockholm` is `Europe/Stockholm`), as jiff would name it.
#[cfg(unix)]
fn linked(link: &std::path::Path) -> Option<TimeZone> {
    let target = std::fs::read_link(link).ok()?;
    let (_, name) = target.to_str()?.rsplit_once("zoneinfo/")?;
    let rules = std::fs::read(link).ok()?;
    TimeZone::tzif(name, &rules).ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_link_into_zoneinfo_is_that_zone() {
        let zone = std::path::Path::new("/usr/share/zoneinfo/Asia/Tokyo");
        if !zone.exists() {
            return; // no zoneinfo on this system: jiff's own lookup is used there
        }
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("localtime");
        std::os::unix::fs::symlink(zone, &link).unwrap();
        let tz = linked(&link).unwrap();
        assert_eq!(tz.iana_name(), Some("Asia/Tokyo"));
        let noon: jiff::Timestamp = "2026-03-12T12:00:00Z".parse().unwrap();
        assert_eq!(noon.to_zoned(tz).strftime("%H:%M").to_string(), "21:00");
    }

    #[test]
    fn a_copy_or_a_missing_file_is_left_to_jiff() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("localtime");
        std::fs::write(&copy, b"TZif").unwrap();
        assert!(linked(&copy).is_none());
        assert!(linked(&dir.path().join("missing")).is_none());
    }
}
