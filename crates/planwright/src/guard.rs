//! A panic is a bug in planwright, never the user's fault; it must not
//! cost them the rest of a run. Each file a walk reads is worked on inside
//! [`file()`], so that a crash on one plan becomes an error naming that plan
//! (exit 2, as for a file that cannot be read) while every other plan is
//! still read, as ruff reports a panic per file and checks the rest. What
//! escapes the guards ends the run with one line on standard error, not
//! Rust's panic message, and also exit 2 (see [`run`]).
//!
//! A guarded piece of work writes nothing (fixes and edits are written
//! outside it, whole and atomically), so a crash never leaves a file
//! half-written: a plan `lint --fix` crashes on is left as it was, and one
//! it crashes on when checking it again once fixed is left fixed.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    /// Whether this thread is inside a guard, whose caller reports the
    /// panic; the hook then only keeps its description.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// The last guarded panic's message and place.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Whether [`run`] guards the whole run: a panic on a thread outside
/// every file guard (a pool thread rendering the findings) then reaches
/// it, carried back by the pool, and is reported by it.
static RUNNING: AtomicBool = AtomicBool::new(false);
/// The first such panic's message and place: the pool hands `run` the
/// payload alone, and the hook runs on the thread that panicked.
static ESCAPED: Mutex<Option<String>> = Mutex::new(None);

/// A panic caught by a guard: what it said, and where in planwright.
#[derive(Debug)]
pub struct Crash(String);

impl std::fmt::Display for Crash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "planwright crashed reading this plan ({}); this is a bug in planwright, please report it with the plan if you can share it",
            self.0
        )
    }
}

/// Makes the panic hook keep a guarded panic's description for its guard
/// to report, instead of printing Rust's message; with `RUST_BACKTRACE`
/// set, for a bug report, the message and trace are printed too. A panic
/// outside every guard prints as Rust prints it.
pub fn install() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let guarded = GUARDED.with(Cell::get);
        if guarded || RUNNING.load(Ordering::Relaxed) {
            let at = info
                .location()
                .map(|at| format!(", at {}:{}", at.file(), at.line()))
                .unwrap_or_default();
            let description = format!("{}{at}", payload_text(info.payload()));
            if guarded {
                CAUGHT.with(|c| *c.borrow_mut() = Some(description));
            } else if let Ok(mut escaped) = ESCAPED.lock() {
                escaped.get_or_insert(description);
            }
            if std::env::var_os("RUST_BACKTRACE").is_none() {
                return;
            }
        }
        default(info);
    }));
}

/// `work`, its panic caught and returned as a [`Crash`].
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, Crash> {
    let outer = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(outer));
    result.map_err(|payload| {
        let caught = CAUGHT.with(|c| c.borrow_mut().take());
        Crash(caught.unwrap_or_else(|| payload_text(payload.as_ref())))
    })
}

/// [`catch`] for the work on the plan at `path`. A debug build (the test
/// suite's) panics on purpose inside the guard for a file named as
/// `PLANWRIGHT_TEST_PANIC` says, so that the tests can show what a user
/// would see; a release build has no such switch.
pub fn file<T>(path: &Path, work: impl FnOnce() -> T) -> Result<T, Crash> {
    catch(|| {
        #[cfg(debug_assertions)]
        if let Some(name) = std::env::var_os("PLANWRIGHT_TEST_PANIC")
            && path.file_name() == Some(name.as_os_str())
        {
            panic!("a crash planted by PLANWRIGHT_TEST_PANIC");
        }
        let _ = path;
        work()
    })
}

/// `main`'s body, guarded: a panic outside every file guard still ends in
/// one error line saying what happened (and so exit 2).
pub fn run(
    work: impl FnOnce() -> anyhow::Result<std::process::ExitCode>,
) -> anyhow::Result<std::process::ExitCode> {
    RUNNING.store(true, Ordering::Relaxed);
    let result = catch(work);
    RUNNING.store(false, Ordering::Relaxed);
    result.unwrap_or_else(|crash| {
        // A pool thread's panic is the one that happened; the guard only
        // saw it carried back, without its place.
        let escaped = ESCAPED.lock().ok().and_then(|mut e| e.take());
        anyhow::bail!(
            "planwright crashed ({}); this is a bug in planwright, please report it with the command and the plan if you can share it",
            escaped.unwrap_or(crash.0)
        )
    })
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hook and [`run`]'s state are the process's: tests that panic
    /// under them take turns, or one's pool panic is reported by another's
    /// `run`.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

    fn alone() -> std::sync::MutexGuard<'static, ()> {
        static INSTALL: std::sync::Once = std::sync::Once::new();
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        INSTALL.call_once(install);
        turn
    }

    #[test]
    fn a_panic_in_the_guard_comes_back_as_a_crash_with_its_place() {
        let _turn = alone();
        let crash = catch(|| -> u8 { panic!("slice out of range") }).unwrap_err();
        let text = crash.to_string();
        assert!(text.contains("slice out of range, at "), "{text}");
        assert!(text.contains("guard.rs:"), "{text}");
        assert!(text.contains("this is a bug in planwright"), "{text}");
        // The work after it runs as if nothing had happened.
        assert_eq!(catch(|| 7).unwrap(), 7);
    }

    #[test]
    fn a_panic_escaping_the_guards_ends_the_run_with_an_error() {
        let _turn = alone();
        let err = run(|| panic!("boom")).unwrap_err();
        assert!(err.to_string().starts_with("planwright crashed (boom, at "));
    }

    #[test]
    fn a_panic_on_a_pool_thread_is_reported_with_its_place() {
        use rayon::prelude::*;
        let _turn = alone();
        let err = run(|| {
            let parts: Vec<u8> = (0..4u8)
                .into_par_iter()
                .map(|i| if i == 3 { panic!("on a worker") } else { i })
                .collect();
            assert_eq!(parts.len(), 4);
            Ok(std::process::ExitCode::SUCCESS)
        })
        .unwrap_err()
        .to_string();
        // The place is known only to the hook on the thread that panicked,
        // which, when it keeps it, prints nothing of its own.
        assert!(
            err.starts_with("planwright crashed (on a worker, at "),
            "{err}"
        );
        assert!(err.contains("guard.rs:"), "{err}");
    }
}
