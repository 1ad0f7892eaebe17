//! What the throughput examples share: this thread's CPU time, so that other load on a shared
//! machine does not count.

/// CPU time of this thread so far, in seconds (`/proc/thread-self/schedstat`, nanoseconds on
/// CPU; Linux); 0 when unreadable.
pub fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}
