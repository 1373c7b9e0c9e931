import Foundation
import SturingAnalysis
import SturingCore

/// SVG charts drawn by our code: self-contained, with titles and labels in the SVG itself and a
/// fixed colour-blind-safe colour per perspective (Okabe–Ito palette).
public enum SVGCharts {
    /// The colour of each perspective: blue, vermillion, bluish green, reddish purple.
    public static func color(_ p: Perspective) -> String {
        switch p {
        case .pa: "#0072B2"
        case .npm: "#D55E00"
        case .npg: "#009E73"
        case .sr: "#CC79A7"
        }
    }

    /// A ring chart: the outer ring is `profile`, the inner ring `mean`, with a legend; the title
    /// (municipality) and subtitle (role) stand on two lines so long names fit.
    public static func ring(title: String, subtitle: String, profile: ShareProfile, mean: ShareProfile, labels: Labels) -> String {
        let w = 340.0, h = 258.0, cx = 115.0, cy = 135.0
        let full = "\(title) — \(subtitle)"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"\(Int(w))\" height=\"\(Int(h))\" role=\"img\" aria-label=\"\(esc(full))\">"
        out += "<title>\(esc(full))</title>"
        out += "<text x=\"\(Int(w / 2))\" y=\"16\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">\(esc(title))</text>"
        out += "<text x=\"\(Int(w / 2))\" y=\"31\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">\(esc(subtitle))</text>"
        out += arcs(profile, cx: cx, cy: cy, outer: 95, inner: 68, labels: labels)
        out += arcs(mean, cx: cx, cy: cy, outer: 62, inner: 40, labels: labels)
        let nl = labels.language == .dutch
        // The key to the rings sits below them, never inside the inner ring.
        out += "<text x=\"\(Int(w / 2))\" y=\"\(Int(cy + 95 + 18))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#333\">\(nl ? "buitenring: gemeente · binnenring: gemiddelde" : "outer ring: municipality · inner ring: mean")</text>"
        for (i, p) in Perspective.allCases.enumerated() {
            let y = 70 + i * 40
            out += "<rect x=\"225\" y=\"\(y - 11)\" width=\"12\" height=\"12\" fill=\"\(color(p))\"/>"
            out += "<text x=\"242\" y=\"\(y)\" font-size=\"12\" font-weight=\"bold\">\(p.code) \(labels.percent(profile[p]))</text>"
            out += "<text x=\"242\" y=\"\(y + 14)\" font-size=\"10\" fill=\"#444\">\(nl ? "gem." : "mean") \(labels.percent(mean[p]))</text>"
        }
        return out + "</svg>"
    }

    static func arcs(_ profile: ShareProfile, cx: Double, cy: Double, outer: Double, inner: Double, labels: Labels) -> String {
        let total = max(profile.total, 0.0001)
        var angle = -Double.pi / 2
        var out = ""
        for p in Perspective.allCases {
            let sweep = 2 * Double.pi * profile[p] / total
            guard sweep > 0 else { continue }
            let end = angle + min(sweep, 2 * Double.pi - 0.0001)
            let large = sweep > Double.pi ? 1 : 0
            func pt(_ r: Double, _ a: Double) -> String { "\(f(cx + r * cos(a))) \(f(cy + r * sin(a)))" }
            out += "<path d=\"M \(pt(outer, angle)) A \(f(outer)) \(f(outer)) 0 \(large) 1 \(pt(outer, end)) L \(pt(inner, end)) A \(f(inner)) \(f(inner)) 0 \(large) 0 \(pt(inner, angle)) Z\" fill=\"\(color(p))\" stroke=\"#fff\" stroke-width=\"1\"><title>\(p.code) \(labels.percent(profile[p]))</title></path>"
            angle = end
        }
        return out
    }

    /// A ranked horizontal bar chart of one perspective's shares, the mean marked by a dashed line.
    /// `scale` is the share that fills the bar width (pass the largest share of all chunks, so
    /// chunks of one long ranking share a scale); nil uses the largest share in `rows`. A row's
    /// `interval` (95 %, from the bootstrap) is drawn as an error bar from its low to its high
    /// bound; the bar ends at the share, and the value stands in a column of its own at the right.
    public static func rankedBars(title: String, perspective p: Perspective, rows: [(name: String, share: Double)],
                                  mean: Double, labels: Labels, scale: Double? = nil,
                                  intervals: [(low: Double, high: Double)?]? = nil) -> String {
        let sorted = rows.enumerated().sorted { $0.element.share != $1.element.share ? $0.element.share > $1.element.share : $0.offset < $1.offset }
            .map { (name: $0.element.name, share: $0.element.share, interval: intervals?[$0.offset]) }
        // Drawn at 12 px on a canvas about 440 wide, so that on a phone (scaled to ~360 px) the
        // names and values still read at 10 px; the name column is as wide as the longest name.
        let font = 12.0, rowH = 18.0, top = 46.0, barW = 250.0
        let labelW = min(190, max(90, 7.0 * Double(sorted.map(\.name.count).max() ?? 8) + 8)), w = labelW + barW + 64
        let h = top + rowH * Double(sorted.count) + 12
        let maxShare = max(scale ?? sorted.first?.share ?? 1, mean, sorted.compactMap { $0.interval?.high }.max() ?? 0, 1)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"\(Int(w))\" height=\"\(Int(h))\" role=\"img\" aria-label=\"\(esc(title))\">"
        out += "<title>\(esc(title))</title><text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">\(esc(title))</text>"
        let mx = labelW + barW * mean / maxShare
        let meanLabel = (labels.language == .dutch ? "gemiddelde " : "mean ") + labels.percent(mean)
        out += "<text x=\"\(f(min(max(mx, labelW + 60), w - 70)))\" y=\"37\" font-size=\"\(f(font - 1))\" text-anchor=\"middle\" fill=\"#222\">\(meanLabel)</text>"
        for (i, r) in sorted.enumerated() {
            let y = top + rowH * Double(i)
            out += "<text x=\"\(f(labelW - 6))\" y=\"\(f(y + 13))\" font-size=\"\(f(font))\" text-anchor=\"end\">\(esc(r.name))</text>"
            out += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 1))\" width=\"\(f(barW * r.share / maxShare))\" height=\"\(f(rowH - 3))\" fill=\"\(color(p))\"/>"
            if let i = r.interval {
                let x1 = labelW + barW * i.low / maxShare, x2 = labelW + barW * i.high / maxShare, yc = y + rowH / 2 - 1
                out += "<path d=\"M\(f(x1)) \(f(yc))H\(f(x2))M\(f(x1)) \(f(yc - 4))V\(f(yc + 4))M\(f(x2)) \(f(yc - 4))V\(f(yc + 4))\" stroke=\"#222\" stroke-width=\"1.2\" fill=\"none\"><title>95 %: \(labels.percent(i.low)) – \(labels.percent(i.high))</title></path>"
            }
            // The value stands in its own column right of the plot area (which holds every bar,
            // whisker and the mean line), so it never reads as a bound or collides with them.
            out += "<text x=\"\(f(w - 4))\" y=\"\(f(y + 13))\" font-size=\"\(f(font))\" text-anchor=\"end\">\(labels.percent(r.share))</text>"
        }
        out += "<line x1=\"\(f(mx))\" y1=\"40\" x2=\"\(f(mx))\" y2=\"\(f(h - 8))\" stroke=\"#222\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
        return out + "</svg>"
    }

    /// 100% stacked bars of mean profiles (one bar per group), with percentages in the segments.
    public static func profileBars(title: String, groups: [(name: String, n: Int, profile: ShareProfile)], labels: Labels) -> String {
        let rowH = 26.0, top = 50.0, labelW = 150.0, barW = 460.0, w = labelW + barW + 10
        let h = top + rowH * Double(groups.count) + 10
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"\(Int(w))\" height=\"\(Int(h))\" role=\"img\" aria-label=\"\(esc(title))\">"
        out += "<title>\(esc(title))</title><text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">\(esc(title))</text>"
        for (i, p) in Perspective.allCases.enumerated() {
            let x = labelW + Double(i) * 110
            out += "<rect x=\"\(f(x))\" y=\"26\" width=\"10\" height=\"10\" fill=\"\(color(p))\"/><text x=\"\(f(x + 14))\" y=\"35\" font-size=\"10\">\(p.code)</text>"
        }
        for (i, g) in groups.enumerated() {
            let y = top + rowH * Double(i)
            out += "<text x=\"\(f(labelW - 6))\" y=\"\(f(y + 15))\" font-size=\"11\" text-anchor=\"end\">\(esc(g.name)) (n=\(g.n))</text>"
            var x = labelW
            let total = max(g.profile.total, 0.0001)
            for p in Perspective.allCases {
                let width = barW * g.profile[p] / total
                out += "<rect x=\"\(f(x))\" y=\"\(f(y + 2))\" width=\"\(f(width))\" height=\"\(f(rowH - 6))\" fill=\"\(color(p))\"><title>\(p.code) \(labels.percent(g.profile[p]))</title></rect>"
                if width > 34 {
                    out += "<text x=\"\(f(x + width / 2))\" y=\"\(f(y + 15))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#fff\">\(labels.percent(g.profile[p]))</text>"
                }
                x += width
            }
        }
        return out + "</svg>"
    }

    static func f(_ d: Double) -> String { FixedDecimal.string(d, decimals: 1) }

    /// Escapes text for XML/HTML (`Escape.html`).
    public static func esc(_ s: String) -> String { Escape.html(s) }
}
