/* Explorers of the book "Weight Decay in Practice": move lambda (or the step
 * size) and watch the model change. Plain JavaScript and SVG, no framework,
 * no network: each <div class="wd-explorer" data-kind="..."> carries its data
 * as JSON in a <script type="application/json"> child, written by a chapter
 * cell with wdlib.experiments.explorers. Works from a server and from file://.
 *
 * Each explorer gets a labelled range input (keyboard accessible, the current
 * value printed beside it), an SVG drawing and printed values. The numbers
 * the page prints are computed here exactly (closed forms on small matrices)
 * or read from the grid wdlib computed; the state behind them is exposed as
 * element.wdState for the book's browser tests.
 */
(function () {
  "use strict";

  var SVGNS = "http://www.w3.org/2000/svg";
  var counter = 0;

  // ------------------------------------------------------------------------
  // Small DOM, number and drawing helpers.
  // ------------------------------------------------------------------------

  function html(tag, attrs, parent, text) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function svg(tag, attrs, parent, text) {
    var node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (key) {
      node.setAttribute(key, String(attrs[key]));
    });
  }

  /* v with `sig` significant digits; exponent notation outside 1e-4..1e6. */
  function fmtSig(v, sig) {
    if (!isFinite(v)) return String(v);
    if (v === 0) return "0";
    var e = Math.floor(Math.log10(Math.abs(v)));
    if (e < -4 || e >= 6) {
      return v.toExponential(sig - 1).replace("e+", "e");
    }
    return v.toFixed(Math.max(0, sig - 1 - e));
  }

  /* v with d decimals, never "-0.000". */
  function fmtFixed(v, d) {
    var s = v.toFixed(d);
    return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
  }

  function fmtLam(lam) {
    return lam < 1e-2 || lam >= 1e4 ?
      lam.toExponential(2).replace("e+", "e") : fmtSig(lam, 3);
  }

  function linear(d0, d1, r0, r1) {
    var k = (r1 - r0) / (d1 - d0);
    return function (v) { return r0 + (v - d0) * k; };
  }

  /* Clamp a pixel coordinate so that SVG never sees huge numbers. */
  function clampPx(v) {
    if (!isFinite(v)) return v > 0 ? 1e5 : -1e5;
    return Math.max(-1e5, Math.min(1e5, v));
  }

  function pathD(points) {
    var d = "";
    for (var i = 0; i < points.length; i++) {
      var p = points[i];
      d += (i ? "L" : "M") + clampPx(p[0]).toFixed(2) + "," +
        clampPx(p[1]).toFixed(2);
    }
    return d;
  }

  function niceTicks(lo, hi, count) {
    var span = hi - lo;
    var step = Math.pow(10, Math.floor(Math.log10(span / count)));
    var err = span / count / step;
    if (err >= 7.5) step *= 10;
    else if (err >= 3.5) step *= 5;
    else if (err >= 1.5) step *= 2;
    var ticks = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * span;
      t += step) {
      ticks.push(Math.abs(t) < 1e-12 * span ? 0 : t);
    }
    return ticks;
  }

  function tickLabel(t) {
    var s = String(Number(t.toPrecision(6)));
    return s.replace("-", "\u2212");
  }

  /* A plot area: frame, ticks and axis labels; returns scales and layers.
   * box = {x, y, w, h} in viewBox units; opts.xlog: x values are log10. */
  function frame(parent, box, xdom, ydom, opts) {
    var g = svg("g", { "class": "wd-axes" }, parent);
    var sx = linear(xdom[0], xdom[1], box.x, box.x + box.w);
    var sy = linear(ydom[0], ydom[1], box.y + box.h, box.y);
    svg("rect", { x: box.x, y: box.y, width: box.w, height: box.h,
      "class": "wd-frame" }, g);
    var xt = opts.xlog ? decades(xdom) : niceTicks(xdom[0], xdom[1], 5);
    xt.forEach(function (t) {
      var x = sx(t);
      svg("line", { x1: x, x2: x, y1: box.y + box.h, y2: box.y + box.h + 4,
        "class": "wd-tick" }, g);
      var label = svg("text", { x: x, y: box.y + box.h + 15,
        "text-anchor": "middle", "class": "wd-tick-label" }, g);
      if (opts.xlog) {
        label.textContent = "10";
        svg("tspan", { dy: -5, "font-size": "0.75em" }, label,
          tickLabel(t));
      } else {
        label.textContent = tickLabel(t);
      }
    });
    niceTicks(ydom[0], ydom[1], 5).forEach(function (t) {
      var y = sy(t);
      svg("line", { x1: box.x - 4, x2: box.x, y1: y, y2: y,
        "class": "wd-tick" }, g);
      svg("text", { x: box.x - 6, y: y + 4, "text-anchor": "end",
        "class": "wd-tick-label" }, g, tickLabel(t));
    });
    if (opts.xlabel) {
      svg("text", { x: box.x + box.w / 2, y: box.y + box.h + 33,
        "text-anchor": "middle", "class": "wd-axis-label" }, g, opts.xlabel);
    }
    if (opts.ylabel) {
      var cx = box.x - 42, cy = box.y + box.h / 2;
      svg("text", { x: cx, y: cy, "text-anchor": "middle",
        transform: "rotate(-90 " + cx + " " + cy + ")",
        "class": "wd-axis-label" }, g, opts.ylabel);
    }
    counter += 1;
    var clipId = "wd-clip-" + counter;
    var clip = svg("clipPath", { id: clipId }, parent);
    svg("rect", { x: box.x, y: box.y, width: box.w, height: box.h }, clip);
    var layer = svg("g", { "clip-path": "url(#" + clipId + ")" }, parent);
    return { sx: sx, sy: sy, layer: layer, box: box };
  }

  function decades(dom) {
    var out = [];
    for (var k = Math.ceil(dom[0] - 1e-9); k <= dom[1] + 1e-9; k++) {
      out.push(k);
    }
    return out;
  }

  /* A legend group with a translucent backdrop sized to its content. */
  function legendBox(parent) {
    var g = svg("g", { "class": "wd-legend" }, parent);
    var back = svg("rect", { "class": "wd-legend-back", rx: 3 }, g);
    requestAnimationFrame(function () {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      Array.prototype.forEach.call(g.children, function (child) {
        if (child === back) return;
        var b = child.getBBox();
        x0 = Math.min(x0, b.x);
        y0 = Math.min(y0, b.y);
        x1 = Math.max(x1, b.x + b.width);
        y1 = Math.max(y1, b.y + b.height);
      });
      if (isFinite(x0)) {
        setAttrs(back, { x: x0 - 4, y: y0 - 2, width: x1 - x0 + 8,
          height: y1 - y0 + 4 });
      }
    });
    return g;
  }

  /* Padded [lo, hi] of some numbers. */
  function extent(values, pad) {
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var span = hi - lo || Math.abs(hi) || 1;
    return [lo - pad * span, hi + pad * span];
  }

  /* Square domains (equal units on both axes) around the given points. */
  function squareDomains(points, pad) {
    var xs = extent(points.map(function (p) { return p[0]; }), pad);
    var ys = extent(points.map(function (p) { return p[1]; }), pad);
    var half = Math.max(xs[1] - xs[0], ys[1] - ys[0]) / 2;
    var cx = (xs[0] + xs[1]) / 2, cy = (ys[0] + ys[1]) / 2;
    return [[cx - half, cx + half], [cy - half, cy + half]];
  }

  /* Eigen-decomposition of a symmetric 2x2 matrix [[a, b], [b, d]]. */
  function eig2(M) {
    var a = M[0][0], b = M[0][1], d = M[1][1];
    var mean = (a + d) / 2, r = Math.hypot((a - d) / 2, b);
    var l1 = mean + r, l2 = mean - r;
    var v1 = Math.abs(b) > 1e-300 ? [l1 - d, b] : (a >= d ? [1, 0] : [0, 1]);
    var nv = Math.hypot(v1[0], v1[1]);
    v1 = [v1[0] / nv, v1[1] / nv];
    return { values: [l1, l2], vectors: [v1, [-v1[1], v1[0]]] };
  }

  /* Points of {w : 1/2 (w - c)' H (w - c) = t}. */
  function ellipse(H, centre, t, count) {
    var e = eig2(H), pts = [];
    var r1 = Math.sqrt(2 * t / e.values[0]), r2 = Math.sqrt(2 * t / e.values[1]);
    for (var i = 0; i <= count; i++) {
      var a = 2 * Math.PI * i / count;
      var u = r1 * Math.cos(a), v = r2 * Math.sin(a);
      pts.push([centre[0] + u * e.vectors[0][0] + v * e.vectors[1][0],
        centre[1] + u * e.vectors[0][1] + v * e.vectors[1][1]]);
    }
    return pts;
  }

  function quadGap(H, centre, w) {
    var u = w[0] - centre[0], v = w[1] - centre[1];
    return 0.5 * (H[0][0] * u * u + 2 * H[0][1] * u * v + H[1][1] * v * v);
  }

  function solve2(M, r) {
    var det = M[0][0] * M[1][1] - M[0][1] * M[1][0];
    return [(M[1][1] * r[0] - M[0][1] * r[1]) / det,
      (M[0][0] * r[1] - M[1][0] * r[0]) / det];
  }

  // ------------------------------------------------------------------------
  // The common frame of an explorer: slider, drawing, readouts.
  // ------------------------------------------------------------------------

  function scaffold(root, spec) {
    counter += 1;
    var id = "wd-explorer-" + counter;
    var controls = html("div", { "class": "wd-explorer-controls" });
    var label = html("label", { "for": id + "-input" }, controls, spec.label);
    var input = html("input", {
      type: "range", id: id + "-input", min: spec.slider.min,
      max: spec.slider.max, step: spec.slider.step, value: spec.slider.value,
      "class": "wd-explorer-slider"
    }, controls);
    var output = html("output", { "for": id + "-input",
      "class": "wd-explorer-value", "aria-live": "polite" }, controls);
    if (spec.hint) html("span", { "class": "wd-explorer-hint" }, controls,
      spec.hint);
    var figure = svg("svg", { viewBox: "0 0 " + spec.width + " " +
      spec.height, "class": "wd-explorer-plot", role: "img",
      "aria-label": spec.alt, preserveAspectRatio: "xMidYMid meet" });
    var readout = html("div", { "class": "wd-explorer-readout",
      "aria-live": "polite" });
    var title = root.querySelector(".wd-explorer-title");
    var anchor = title ? title.nextSibling : root.firstChild;
    root.insertBefore(controls, anchor);
    root.insertBefore(figure, anchor);
    root.insertBefore(readout, anchor);
    label.id = id + "-label";
    return { input: input, output: output, svg: figure, readout: readout,
      label: label };
  }

  /* A labelled value in the readout; returns the element holding the value. */
  function readoutItem(parent, key, caption) {
    var item = html("span", { "class": "wd-readout-item" }, parent);
    html("span", { "class": "wd-readout-caption" }, item, caption + " ");
    return html("span", { "class": "wd-readout-value", "data-wd": key },
      item);
  }

  function wire(ui, update) {
    var run = function () {
      var text = update(Number(ui.input.value));
      ui.output.textContent = text;
      ui.input.setAttribute("aria-valuetext", text);
    };
    ui.input.addEventListener("input", run);
    ui.input.addEventListener("change", run);
    run();
  }

  // ------------------------------------------------------------------------
  // Chapter 1: ridge fit of a polynomial.
  // ------------------------------------------------------------------------

  function polynomial(root, data) {
    var ui = scaffold(root, {
      label: "penalty λ (log scale)", slider: data.slider,
      width: 640, height: 340,
      alt: "The degree-" + data.degree + " ridge fit over the training " +
        "points (filled) and the test points (open)."
    });
    var n = data.n, s = data.s, z = data.z, r = s.length;
    function predict(proj, coef) {
      return proj.map(function (row) {
        var v = data.ybar;
        for (var i = 0; i < r; i++) v += row[i] * coef[i];
        return v;
      });
    }
    function mse(pred, y) {
      var total = 0;
      for (var i = 0; i < y.length; i++) total += (pred[i] - y[i]) * (pred[i] - y[i]);
      return total / y.length;
    }
    var box = { x: 60, y: 12, w: 560, h: 280 };
    var plot = frame(ui.svg, box, data.xlim, data.ylim,
      { xlabel: "x", ylabel: "y" });
    var curve = svg("path", { "class": "wd-line wd-c0", fill: "none" },
      plot.layer);
    data.test.x.forEach(function (x, i) {
      svg("circle", { cx: plot.sx(x), cy: plot.sy(data.test.y[i]), r: 2.2,
        "class": "wd-point-open wd-c7" }, plot.layer);
    });
    data.train.x.forEach(function (x, i) {
      svg("circle", { cx: plot.sx(x), cy: plot.sy(data.train.y[i]), r: 4,
        "class": "wd-point wd-c1" }, plot.layer);
    });
    var legend = legendBox(ui.svg);
    svg("circle", { cx: 80, cy: 26, r: 4, "class": "wd-point wd-c1" },
      legend);
    svg("text", { x: 88, y: 30 }, legend, "training (" + n + ")");
    svg("circle", { cx: 190, cy: 26, r: 2.2, "class": "wd-point-open wd-c7" },
      legend);
    svg("text", { x: 198, y: 30 }, legend, "test (" + data.test.x.length +
      ")");
    svg("line", { x1: 270, x2: 290, y1: 26, y2: 26, "class": "wd-line wd-c0" },
      legend);
    svg("text", { x: 296, y: 30 }, legend, "ridge fit");
    var out = {
      train: readoutItem(ui.readout, "train-mse", "training MSE"),
      test: readoutItem(ui.readout, "test-mse", "test MSE"),
      df: readoutItem(ui.readout, "df", "df(λ)")
    };
    wire(ui, function (v) {
      var lam = Math.pow(10, v);
      var coef = [], df = 0;
      for (var i = 0; i < r; i++) {
        var d = s[i] * s[i] + n * lam;
        coef.push(s[i] * z[i] / d);
        df += s[i] * s[i] / d;
      }
      var trainMse = mse(predict(data.train.proj, coef), data.train.y);
      var testMse = mse(predict(data.test.proj, coef), data.test.y);
      var grid = predict(data.grid.proj, coef);
      curve.setAttribute("d", pathD(data.grid.x.map(function (x, i) {
        return [plot.sx(x), plot.sy(grid[i])];
      })));
      out.train.textContent = fmtFixed(trainMse, 4);
      out.test.textContent = fmtSig(testMse, 3);
      out.df.textContent = fmtFixed(df, 2);
      root.wdState = { lam: lam, trainMse: trainMse, testMse: testMse,
        df: df };
      return "λ = " + fmtLam(lam);
    });
  }

  // ------------------------------------------------------------------------
  // Chapter 2: ridge and lasso in two dimensions.
  // ------------------------------------------------------------------------

  function ridge2(A, c, lam) {
    return solve2([[A[0][0] + lam, A[0][1]], [A[1][0], A[1][1] + lam]], c);
  }

  function softThreshold(v, t) {
    return v > t ? v - t : (v < -t ? v + t : 0);
  }

  /* Exact lasso minimizer: the best of the nine candidates (zero, one
   * coordinate alone, four sign patterns); the sparser wins a tie. */
  function lasso2(A, c, lam) {
    function objective(w) {
      return 0.5 * (A[0][0] * w[0] * w[0] + 2 * A[0][1] * w[0] * w[1] +
        A[1][1] * w[1] * w[1]) - c[0] * w[0] - c[1] * w[1] +
        lam * (Math.abs(w[0]) + Math.abs(w[1]));
    }
    var candidates = [[0, 0],
      [softThreshold(c[0], lam) / A[0][0], 0],
      [0, softThreshold(c[1], lam) / A[1][1]]];
    [[1, 1], [1, -1], [-1, 1], [-1, -1]].forEach(function (sg) {
      var w = solve2(A, [c[0] - lam * sg[0], c[1] - lam * sg[1]]);
      if (w[0] * sg[0] > 0 && w[1] * sg[1] > 0) candidates.push(w);
    });
    var best = candidates[0], bestValue = objective(best);
    var scale = Math.abs(c[0]) + Math.abs(c[1]) + lam;
    candidates.forEach(function (w) {
      var value = objective(w);
      if (value < bestValue - 1e-14 * scale * (1 + Math.abs(bestValue))) {
        best = w;
        bestValue = value;
      }
    });
    return best;
  }

  function l1l2(root, data) {
    var ui = scaffold(root, {
      label: "penalty λ (log scale)", slider: data.slider,
      width: 460, height: 440,
      alt: "Contours of the data term with the least-squares point, the " +
        "ridge solution on its L2 disc and the lasso solution on its L1 " +
        "diamond."
    });
    var A = data.A, c = data.c, ols = data.ols;
    var dom = squareDomains([[0, 0], ols, [-0.15 * ols[0], -0.15 * ols[1]]],
      0.12);
    var box = { x: 56, y: 12, w: 380, h: 380 };
    var plot = frame(ui.svg, box, dom[0], dom[1],
      { xlabel: "w₁", ylabel: "w₂" });
    var P = function (w) { return [plot.sx(w[0]), plot.sy(w[1])]; };
    var L = plot.layer;
    svg("line", { x1: plot.sx(dom[0][0]), x2: plot.sx(dom[0][1]),
      y1: plot.sy(0), y2: plot.sy(0), "class": "wd-zero" }, L);
    svg("line", { y1: plot.sy(dom[1][0]), y2: plot.sy(dom[1][1]),
      x1: plot.sx(0), x2: plot.sx(0), "class": "wd-zero" }, L);
    var tOrigin = quadGap(A, ols, [0, 0]);
    [0.04, 0.16, 0.36, 0.64, 1.0, 1.44].forEach(function (f) {
      svg("path", { d: pathD(ellipse(A, ols, f * tOrigin, 96).map(P)) + "Z",
        "class": "wd-contour" }, L);
    });
    var sl = data.slider, ridgePath = [], lassoPath = [];
    for (var k = 0; k <= 200; k++) {
      var lamK = Math.pow(10, sl.min + (sl.max - sl.min) * k / 200);
      ridgePath.push(P(ridge2(A, c, lamK)));
      lassoPath.push(P(lasso2(A, c, lamK)));
    }
    svg("path", { d: pathD(ridgePath), "class": "wd-trace wd-c0" }, L);
    svg("path", { d: pathD(lassoPath), "class": "wd-trace wd-c2" }, L);
    var disc = svg("circle", { "class": "wd-region wd-c0" }, L);
    var diamond = svg("path", { "class": "wd-region wd-c2" }, L);
    var ridgeLevel = svg("path", { "class": "wd-level wd-c0" }, L);
    var lassoLevel = svg("path", { "class": "wd-level wd-c2" }, L);
    var p = P(ols);
    svg("path", { d: "M" + (p[0] - 5) + "," + (p[1] - 5) + "l10,10m0,-10l-10,10",
      "class": "wd-line wd-c7" }, L);
    var ridgeDot = svg("circle", { r: 5, "class": "wd-point wd-c0" }, L);
    var lassoDot = svg("rect", { width: 9, height: 9,
      "class": "wd-point wd-c2" }, L);
    var legend = legendBox(ui.svg);
    svg("circle", { cx: 70, cy: 26, r: 4, "class": "wd-point wd-c0" }, legend);
    svg("text", { x: 78, y: 30 }, legend, "ridge, L2 disc");
    svg("rect", { x: 176, y: 22, width: 8, height: 8,
      "class": "wd-point wd-c2" }, legend);
    svg("text", { x: 188, y: 30 }, legend, "lasso, L1 diamond");
    svg("text", { x: 318, y: 30 }, legend, "× least squares");
    var out = {
      ridge: readoutItem(ui.readout, "ridge", "ridge w ="),
      lasso: readoutItem(ui.readout, "lasso", "lasso w ="),
      zeros: readoutItem(ui.readout, "lasso-zeros", "lasso:"),
      lamMax: readoutItem(ui.readout, "lam-max", "both lasso weights 0 for λ ≥")
    };
    var lamMax = Math.max(Math.abs(c[0]), Math.abs(c[1]));
    out.lamMax.textContent = fmtFixed(lamMax, 4);
    wire(ui, function (v) {
      var lam = Math.pow(10, v);
      var wr = ridge2(A, c, lam), wl = lasso2(A, c, lam);
      var rad = Math.hypot(wr[0], wr[1]);
      disc.setAttribute("cx", plot.sx(0));
      disc.setAttribute("cy", plot.sy(0));
      disc.setAttribute("r", Math.abs(plot.sx(rad) - plot.sx(0)));
      var l1 = Math.abs(wl[0]) + Math.abs(wl[1]);
      diamond.setAttribute("d", pathD([[l1, 0], [0, l1], [-l1, 0], [0, -l1]]
        .map(P)) + "Z");
      var tr = quadGap(A, ols, wr), tl = quadGap(A, ols, wl);
      ridgeLevel.setAttribute("d", pathD(ellipse(A, ols, tr, 96).map(P)) + "Z");
      lassoLevel.setAttribute("d", pathD(ellipse(A, ols, tl, 96).map(P)) + "Z");
      var pr = P(wr), pl = P(wl);
      ridgeDot.setAttribute("cx", pr[0]);
      ridgeDot.setAttribute("cy", pr[1]);
      lassoDot.setAttribute("x", pl[0] - 4.5);
      lassoDot.setAttribute("y", pl[1] - 4.5);
      out.ridge.textContent = "(" + fmtFixed(wr[0], 4) + ", " +
        fmtFixed(wr[1], 4) + ")";
      out.lasso.textContent = "(" + fmtFixed(wl[0], 4) + ", " +
        fmtFixed(wl[1], 4) + ")";
      var zero = [wl[0] === 0, wl[1] === 0];
      out.zeros.textContent = zero[0] && zero[1] ? "both weights exactly 0" :
        zero[0] ? "w₁ exactly 0" : zero[1] ? "w₂ exactly 0" :
          "no weight is 0";
      root.wdState = { lam: lam, ridge: wr, lasso: wl, zero: zero,
        lamMax: lamMax };
      return "λ = " + fmtLam(lam);
    });
  }

  // ------------------------------------------------------------------------
  // Chapter 3: the step size of gradient descent.
  // ------------------------------------------------------------------------

  /* The iteration of wdlib.gradient_descent on J = 1/2 t'Gt - c't + c0. */
  function descend(data, eta) {
    var G = data.G, c = data.c, p = c.length;
    var theta = new Array(p).fill(0), first = null;
    var iterates = [], status = "stalled", nIter = 0;
    for (var k = 0; k <= data.max_iter; k++) {
      var grad = new Array(p), value = data.c0, norm2 = 0;
      for (var i = 0; i < p; i++) {
        var gi = -c[i];
        for (var j = 0; j < p; j++) gi += G[i][j] * theta[j];
        grad[i] = gi;
        norm2 += gi * gi;
        value += theta[i] * (0.5 * (gi - c[i]) );
      }
      var norm = Math.sqrt(norm2);
      nIter = k;
      if (!isFinite(value) || !isFinite(norm)) {
        nIter = k - 1;
        status = "diverged";
        break;
      }
      if (first === null) first = value;
      if (k <= data.n_draw) iterates.push(theta.slice());
      if (norm <= data.tol) { status = "converged"; break; }
      if (value > data.growth * first || (k === data.max_iter && value > first)) {
        status = "diverged";
        break;
      }
      if (k === data.max_iter) { status = "stalled"; break; }
      var next = new Array(p);
      for (var m = 0; m < p; m++) next[m] = theta[m] - eta * grad[m];
      theta = next;
    }
    return { nIter: nIter, status: status, iterates: iterates };
  }

  function gdStep(root, data) {
    var ui = scaffold(root, {
      label: "step size η·L", slider: data.slider, width: 460, height: 440,
      hint: "stable for η·L < 2",
      alt: "Contours of the ridge objective in the (w1, w2) plane and the " +
        "path of gradient descent from the origin."
    });
    var H2 = data.H2, ws = data.w_star;
    // the view holds the first steps of the largest stable step on the slider
    var wide = descend(data, Math.min(data.slider.max, 1.9) / data.L);
    var seen = [[0, 0], ws].concat(wide.iterates.slice(1, 3).map(
      function (t) { return [t[0], t[1]]; }));
    var dom = squareDomains(seen, 0.08);
    var box = { x: 56, y: 12, w: 380, h: 380 };
    var plot = frame(ui.svg, box, dom[0], dom[1],
      { xlabel: "w₁", ylabel: "w₂" });
    var P = function (w) { return [plot.sx(w[0]), plot.sy(w[1])]; };
    var tOrigin = quadGap(H2, ws, [0, 0]);
    [0.01, 0.04, 0.16, 0.36, 0.64, 1.0, 1.44, 1.96].forEach(function (f) {
      svg("path", { d: pathD(ellipse(H2, ws, f * tOrigin, 96).map(P)) + "Z",
        "class": "wd-contour" }, plot.layer);
    });
    var trail = svg("path", { "class": "wd-line wd-c2", fill: "none" },
      plot.layer);
    var dots = svg("g", { "class": "wd-iterates" }, plot.layer);
    var p = P(ws);
    svg("path", { d: "M" + (p[0] - 5) + "," + (p[1] - 5) + "l10,10m0,-10l-10,10",
      "class": "wd-line wd-c7" }, plot.layer);
    var legend = legendBox(ui.svg);
    svg("line", { x1: 66, x2: 86, y1: 26, y2: 26, "class": "wd-line wd-c2" },
      legend);
    svg("text", { x: 92, y: 30 }, legend, "gradient descent from 0");
    svg("text", { x: 260, y: 30 }, legend, "× minimizer w*");
    var out = {
      eta: readoutItem(ui.readout, "eta", "η ="),
      rate: readoutItem(ui.readout, "rate", "max |1 − η hᵢ| ="),
      steps: readoutItem(ui.readout, "steps", "steps to ‖∇J‖ ≤ " +
        fmtSig(data.tol, 1) + ":")
    };
    wire(ui, function (v) {
      var eta = v / data.L;
      var run = descend(data, eta);
      var rate = 0;
      data.h.forEach(function (h) { rate = Math.max(rate, Math.abs(1 - eta * h)); });
      trail.setAttribute("d", pathD(run.iterates.map(P)));
      while (dots.firstChild) dots.removeChild(dots.firstChild);
      run.iterates.slice(0, 40).forEach(function (w) {
        var q = P(w);
        svg("circle", { cx: clampPx(q[0]), cy: clampPx(q[1]), r: 2.2,
          "class": "wd-point wd-c2" }, dots);
      });
      out.eta.textContent = fmtSig(eta, 4);
      out.rate.textContent = fmtFixed(rate, 4);
      out.steps.textContent = run.status === "converged" ? String(run.nIter) :
        run.status === "diverged" ? "diverges (J grew past " +
          fmtSig(data.growth, 1) + " × J(0) after " + run.nIter + " steps)" :
          "not reached in " + run.nIter + " steps";
      root.wdState = { etaL: v, eta: eta, rate: rate, nIter: run.nIter,
        status: run.status, iterates: run.iterates.slice(0, 60) };
      return "η·L = " + fmtFixed(v, 2);
    });
  }

  // ------------------------------------------------------------------------
  // Chapter 6: the ridge path and leave-one-out.
  // ------------------------------------------------------------------------

  function pathLoo(root, data) {
    var ui = scaffold(root, {
      label: "penalty λ (grid position, log scale)", slider: data.slider,
      width: 720, height: 330,
      alt: "Left: every ridge coefficient against λ; right: the " +
        "leave-one-out error against λ; a marker at the chosen λ."
    });
    var lams = data.lams, logs = lams.map(Math.log10), d = data.names.length;
    var xdom = [logs[0], logs[logs.length - 1]];
    var all = [];
    data.coefs.forEach(function (row) { all = all.concat(row); });
    var left = frame(ui.svg, { x: 64, y: 12, w: 280, h: 270 }, xdom,
      extent(all, 0.06), { xlog: true, xlabel: "λ", ylabel: "coefficient" });
    var right = frame(ui.svg, { x: 430, y: 12, w: 270, h: 270 }, xdom,
      extent(data.loo, 0.08),
      { xlog: true, xlabel: "λ", ylabel: "leave-one-out MSE" });
    var colour = function (j) { return "wd-c" + (j % 7); };
    for (var j = 0; j < d; j++) {
      svg("path", { d: pathD(logs.map(function (x, i) {
        return [left.sx(x), left.sy(data.coefs[i][j])];
      })), "class": "wd-line wd-thin " + colour(j) +
        (j >= 7 ? " wd-dashed" : "") }, left.layer);
    }
    svg("path", { d: pathD(logs.map(function (x, i) {
      return [right.sx(x), right.sy(data.loo[i])];
    })), "class": "wd-line wd-c0" }, right.layer);
    [[data.best, "minimum"], [data.one_se, "one-SE"]].forEach(function (m) {
      var x = right.sx(logs[m[0]]);
      svg("line", { x1: x, x2: x, y1: right.box.y, y2: right.box.y +
        right.box.h, "class": "wd-guide" }, right.layer);
      svg("text", { x: x + 3, y: right.box.y + 12 + (m[1] === "minimum" ?
        0 : 14), "class": "wd-note" }, right.layer, m[1]);
    });
    var markers = [left, right].map(function (panel) {
      return svg("line", { y1: panel.box.y, y2: panel.box.y + panel.box.h,
        "class": "wd-marker" }, panel.layer);
    });
    var coefDots = data.names.map(function (_, j) {
      return svg("circle", { r: 3.5, "class": "wd-point " + colour(j) },
        left.layer);
    });
    var looDot = svg("circle", { r: 5, "class": "wd-point wd-c0" },
      right.layer);
    var out = {
      lam: readoutItem(ui.readout, "lam", "λ ="),
      loo: readoutItem(ui.readout, "loo", "leave-one-out MSE"),
      best: readoutItem(ui.readout, "best-lam", "minimum at λ =")
    };
    out.best.textContent = fmtLam(lams[data.best]);
    var table = html("table", { "class": "wd-explorer-table" }, ui.readout);
    var head = html("tr", null, html("thead", null, table));
    html("th", { scope: "col" }, head, "feature");
    html("th", { scope: "col" }, head, "coefficient at λ");
    var body = html("tbody", null, table);
    var cells = data.names.map(function (name, j) {
      var row = html("tr", null, body);
      var th = html("th", { scope: "row" }, row);
      html("span", { "class": "wd-swatch " + colour(j) }, th);
      th.appendChild(document.createTextNode(name));
      return html("td", { "data-wd": "coef-" + j }, row);
    });
    wire(ui, function (v) {
      var i = Math.round(v), x = logs[i];
      markers[0].setAttribute("x1", left.sx(x));
      markers[0].setAttribute("x2", left.sx(x));
      markers[1].setAttribute("x1", right.sx(x));
      markers[1].setAttribute("x2", right.sx(x));
      coefDots.forEach(function (dot, j) {
        dot.setAttribute("cx", left.sx(x));
        dot.setAttribute("cy", left.sy(data.coefs[i][j]));
      });
      looDot.setAttribute("cx", right.sx(x));
      looDot.setAttribute("cy", right.sy(data.loo[i]));
      out.lam.textContent = fmtLam(lams[i]);
      out.loo.textContent = fmtSig(data.loo[i], 5);
      cells.forEach(function (cell, j) {
        cell.textContent = fmtSig(data.coefs[i][j], 4);
      });
      root.wdState = { index: i, lam: lams[i], loo: data.loo[i],
        coefs: data.coefs[i] };
      return "λ = " + fmtLam(lams[i]);
    });
  }

  // ------------------------------------------------------------------------
  // Start every explorer of the page once.
  // ------------------------------------------------------------------------

  var KINDS = {
    "ridge-polynomial": polynomial,
    "l1-l2": l1l2,
    "gd-step": gdStep,
    "ridge-path-loo": pathLoo
  };

  function start(root) {
    if (root.getAttribute("data-wd-ready")) return;
    var build = KINDS[root.getAttribute("data-kind")];
    var script = root.querySelector("script.wd-explorer-data");
    if (!build || !script) return;
    root.setAttribute("data-wd-ready", "true");
    build(root, JSON.parse(script.textContent));
    var fallback = root.querySelector(".wd-explorer-fallback");
    if (fallback) fallback.hidden = true;
    root.classList.add("wd-explorer-live");
  }

  function startAll() {
    var roots = document.querySelectorAll(".wd-explorer[data-kind]");
    Array.prototype.forEach.call(roots, start);
  }

  window.wdExplorers = { start: startAll, formatSig: fmtSig };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
