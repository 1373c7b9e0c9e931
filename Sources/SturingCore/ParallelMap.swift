import Dispatch
import Synchronization

/// Runs the same work over the indices of a collection on several threads (pages of one large
/// document, chunks of it, its OCR pages), with results in index order, so the outcome never
/// depends on the thread count.
public enum ParallelMap {
    /// `body(i)` for every `i` in `0..<count`, on at most `threads` threads; `threads <= 1`
    /// (or a small count) runs on the calling thread. `body` must be safe to call concurrently.
    public static func map<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        if threads <= 1 || count < 2 { return (0..<count).map(body) }
        return map(count, threads: threads, state: { _ in () }, { _, i in body(i) }).map { $0! }
    }

    /// `body(&state, i)` for every `i` in `0..<count` on at most `threads` threads. Each thread
    /// first makes its own state with `makeState(thread)` and uses it alone (a scorer, an OCR
    /// engine); a thread whose state is nil takes no items, so an item that no thread could take
    /// is nil in the result. `done` is called with each state when its thread has finished.
    public static func map<S, T>(_ count: Int, threads: Int, state makeState: (Int) -> S?,
                                 done: (S) -> Void = { _ in }, _ body: (inout S, Int) -> T) -> [T?] {
        let workers = max(1, min(threads, count))
        if workers == 1 {
            guard var state = makeState(0) else { return Array(repeating: nil, count: count) }
            defer { done(state) }
            return (0..<count).map { body(&state, $0) }
        }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let next = Atomic<Int>(0)
        // Each index is claimed by exactly one thread, so the slot writes never overlap; each
        // state is used by its own thread only.
        let shared = Unchecked(slots)
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(done) { done in
                withoutActuallyEscaping(body) { body in
                    let work = Unchecked((makeState, done, body))
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        let (makeState, done, body) = work.value
                        guard var state = makeState(w) else { return }
                        defer { done(state) }
                        while true {
                            let i = next.add(1, ordering: .relaxed).oldValue
                            if i >= count { break }
                            shared.value[i] = body(&state, i)
                        }
                    }
                }
            }
        }
        return Array(slots)
    }
}

/// Hands a value that the threads of a parallel loop use safely (each its own part) across the
/// Sendable boundary of the loop.
public struct Unchecked<T>: @unchecked Sendable {
    /// The value.
    public let value: T
    /// Wraps `value`.
    public init(_ value: T) { self.value = value }
}
