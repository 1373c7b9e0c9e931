import Dispatch
import Synchronization

/// Runs the same work over the indices of a collection on several threads (pages of one large
/// document), with results in index order, so the outcome never depends on the thread count.
public enum ParallelMap {
    /// `body(i)` for every `i` in `0..<count`, on at most `threads` threads; `threads <= 1`
    /// (or a small count) runs on the calling thread. `body` must be safe to call concurrently.
    public static func map<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        if threads <= 1 || count < 2 { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let next = Atomic<Int>(0)
        // Each index is claimed by exactly one thread, so the slot writes never overlap.
        let shared = SlotsBox(slots: slots)
        withoutActuallyEscaping(body) { body in
            let work = BodyBox(body: body)
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    if i >= count { break }
                    shared.slots[i] = work.body(i)
                }
            }
        }
        return slots.map { $0! }
    }

    private struct SlotsBox<T>: @unchecked Sendable { let slots: UnsafeMutableBufferPointer<T?> }
    private struct BodyBox<T>: @unchecked Sendable { let body: (Int) -> T }
}
