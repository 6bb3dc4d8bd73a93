//! Running the pipeline over many inputs: in parallel on a rayon pool, with results handed back in
//! input order as soon as each is ready, and never more than a small window of finished results
//! held at once, so peak memory depends on the largest files, not on the size of the corpus.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// The most threads a run starts, whatever `jobs` asks: the work is CPU-bound, and asking the
/// system for 100,000 threads can fail halfway.
pub const MAX_JOBS: usize = 256;

/// Map `work` over `items` on `jobs` threads (at least one, at most [`MAX_JOBS`] and the number
/// of items) and call `emit(index, result)` in input order, on the calling thread, while later
/// items are still being worked on. At most `jobs * 4` results wait for their turn. When `emit` returns an error, no new work starts and the error is returned.
/// When `emit` or `work` panics, the other threads stop waiting and the panic goes on to the
/// caller: a panic never leaves threads waiting for each other.
pub fn ordered<I, T, E>(
    items: &[I],
    jobs: usize,
    work: impl Fn(&I) -> T + Sync,
    mut emit: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    T: Send,
{
    let jobs = jobs.clamp(1, MAX_JOBS).min(items.len().max(1));
    if jobs == 1 || items.len() < 2 {
        for (i, item) in items.iter().enumerate() {
            emit(i, work(item))?;
        }
        return Ok(());
    }
    let window = jobs * 4;
    let next_item = AtomicUsize::new(0);
    let state = Mutex::new(Shared {
        done: BTreeMap::new(),
        emitted: 0,
        stop: false,
    });
    let changed = Condvar::new();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        // No threads to be had: do the work here, in order.
        Err(_) => {
            for (i, item) in items.iter().enumerate() {
                emit(i, work(item))?;
            }
            return Ok(());
        }
    };
    let mut result = Ok(());
    pool.in_place_scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|_| {
                let _stop = StopOnPanic(&state, &changed);
                loop {
                    let i = next_item.fetch_add(1, Ordering::SeqCst);
                    if i >= items.len() {
                        return;
                    }
                    // Wait until the result would fit in the window (or the run is stopped).
                    {
                        let mut s = lock(&state);
                        while i >= s.emitted + window && !s.stop {
                            s = changed.wait(s).unwrap_or_else(|e| e.into_inner());
                        }
                        if s.stop {
                            return;
                        }
                    }
                    let r = work(&items[i]);
                    lock(&state).done.insert(i, r);
                    changed.notify_all();
                }
            });
        }
        // The calling thread writes results in order.
        let _stop = StopOnPanic(&state, &changed);
        for i in 0..items.len() {
            let r = {
                let mut s = lock(&state);
                loop {
                    if let Some(r) = s.done.remove(&i) {
                        break r;
                    }
                    if s.stop {
                        // A worker panicked: its result will never come, and the scope passes
                        // its panic on.
                        return;
                    }
                    s = changed.wait(s).unwrap_or_else(|e| e.into_inner());
                }
            };
            let emitted = emit(i, r);
            let mut s = lock(&state);
            s.emitted = i + 1;
            if let Err(e) = emitted {
                s.stop = true;
                result = Err(e);
                drop(s);
                changed.notify_all();
                return;
            }
            drop(s);
            changed.notify_all();
        }
    });
    result
}

struct Shared<T> {
    done: BTreeMap<usize, T>,
    emitted: usize,
    stop: bool,
}

/// Stops the run when dropped during a panic: dropped while unwinding, it tells every waiting
/// thread to give up; dropped on the normal path, it does nothing.
struct StopOnPanic<'a, T>(&'a Mutex<Shared<T>>, &'a Condvar);

impl<T> Drop for StopOnPanic<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            lock(self.0).stop = true;
            self.1.notify_all();
        }
    }
}

/// Lock, carrying on after a panic in another thread (the data is a plain buffer).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        ordered(
            &items,
            4,
            |&x| {
                // Early items take longest.
                std::thread::sleep(std::time::Duration::from_micros(200 - x));
                x
            },
            |i, r| {
                seen.push((i as u64, r));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items.iter().map(|&x| (x, x)).collect::<Vec<_>>());
    }

    #[test]
    fn a_panic_while_emitting_or_working_ends_the_run_instead_of_hanging() {
        let items: Vec<u32> = (0..1000).collect();
        for panic_in_emit in [true, false] {
            let r = std::panic::catch_unwind(|| {
                ordered(
                    &items,
                    3,
                    |&x| {
                        assert!(panic_in_emit || x != 20, "work failed");
                        x
                    },
                    |i, _| {
                        assert!(!panic_in_emit || i != 10, "emit failed");
                        Ok::<(), ()>(())
                    },
                )
            });
            assert!(r.is_err());
        }
    }

    #[test]
    fn an_emit_error_stops_the_run() {
        let items: Vec<u32> = (0..1000).collect();
        let mut count = 0;
        let r = ordered(
            &items,
            2,
            |&x| x,
            |i, _| {
                count += 1;
                if i == 10 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!((r, count), (Err("closed"), 11));
    }
}
