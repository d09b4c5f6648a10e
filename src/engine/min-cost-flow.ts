// Minimum-cost flow by successive shortest paths: Bellman–Ford for the first potentials
// (costs may be negative, cycles may not), then Dijkstra on reduced costs with a binary
// heap over a CSR residual graph; after each Dijkstra every augmenting path of zero reduced
// cost is used (primal–dual), so one search serves many units of flow. Stops at `maxFlow`, when the sink is unreachable, or — with
// `stopAtNonNegative` — as soon as the cheapest augmenting path no longer lowers the cost,
// which yields a minimum-cost flow of any value.

export interface FlowNetwork {
  readonly nodeCount: number;
  readonly from: ArrayLike<number>;
  readonly to: ArrayLike<number>;
  readonly capacity: ArrayLike<number>;
  readonly cost: ArrayLike<number>;
}

export interface FlowOptions {
  readonly maxFlow?: number;
  readonly stopAtNonNegative?: boolean;
}

export interface FlowResult {
  readonly flow: number;
  readonly cost: number;
  /** Flow on every input arc. */
  readonly arcFlow: Float64Array;
  /** Node potentials (reduced costs of residual arcs are ≥ 0 with these). */
  readonly potential: Float64Array;
}

export function flowMinCost(net: FlowNetwork, source: number, sink: number, options: FlowOptions = {}): FlowResult {
  const n = net.nodeCount;
  const m = net.from.length;
  const maxFlow = options.maxFlow ?? Infinity;
  // Residual arcs: 2e forward, 2e+1 backward.
  const head = new Int32Array(2 * m);
  const cap = new Float64Array(2 * m);
  const cost = new Float64Array(2 * m);
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const u = net.from[e] as number;
    const v = net.to[e] as number;
    head[2 * e] = v;
    head[2 * e + 1] = u;
    cap[2 * e] = net.capacity[e] as number;
    cost[2 * e] = net.cost[e] as number;
    cost[2 * e + 1] = -(net.cost[e] as number);
    start[u + 1] = (start[u + 1] as number) + 1;
    start[v + 1] = (start[v + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const adj = new Int32Array(2 * m);
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) {
    const u = net.from[e] as number;
    const v = net.to[e] as number;
    const fu = fill[u] as number;
    adj[fu] = 2 * e;
    fill[u] = fu + 1;
    const fv = fill[v] as number;
    adj[fv] = 2 * e + 1;
    fill[v] = fv + 1;
  }
  const tail = (r: number): number => head[r ^ 1] as number;
  void tail;

  // Bellman–Ford (queue based) from the source for the first potentials.
  const pot = new Float64Array(n).fill(Infinity);
  pot[source] = 0;
  {
    const inQueue = new Uint8Array(n);
    // A ring buffer: every node is in the queue at most once.
    const queue = new Int32Array(n + 1);
    let qHead = 0;
    let qTail = 0;
    let queued = 1;
    queue[qTail++] = source;
    inQueue[source] = 1;
    let steps = 0;
    while (queued > 0) {
      const u = queue[qHead] as number;
      qHead = qHead === n ? 0 : qHead + 1;
      queued--;
      inQueue[u] = 0;
      if (++steps > n * (2 * m + 1) + 10) throw new Error('FLOW_NEGATIVE_CYCLE');
      for (let k = start[u] as number; k < (start[u + 1] as number); k++) {
        const r = adj[k] as number;
        if ((cap[r] as number) <= 0) continue;
        const v = head[r] as number;
        const nd = (pot[u] as number) + (cost[r] as number);
        if (nd < (pot[v] as number)) {
          pot[v] = nd;
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue[qTail] = v;
            qTail = qTail === n ? 0 : qTail + 1;
            queued++;
          }
        }
      }
    }
  }
  let reachMax = 0;
  for (let i = 0; i < n; i++) if ((pot[i] as number) !== Infinity) reachMax = Math.max(reachMax, pot[i] as number);
  for (let i = 0; i < n; i++) if ((pot[i] as number) === Infinity) pot[i] = reachMax;

  const dist = new Float64Array(n);
  const predArc = new Int32Array(n);
  const done = new Uint8Array(n);
  const heapNode: number[] = [];
  const heapKey: number[] = [];
  const heapPush = (node: number, key: number): void => {
    let i = heapNode.length;
    heapNode.push(node);
    heapKey.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((heapKey[p] as number) <= key) break;
      heapNode[i] = heapNode[p] as number;
      heapKey[i] = heapKey[p] as number;
      i = p;
    }
    heapNode[i] = node;
    heapKey[i] = key;
  };
  const heapPop = (): number => {
    const top = heapNode[0] as number;
    const lastNode = heapNode.pop() as number;
    const lastKey = heapKey.pop() as number;
    const size = heapNode.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && (heapKey[c + 1] as number) < (heapKey[c] as number)) c++;
        if ((heapKey[c] as number) >= lastKey) break;
        heapNode[i] = heapNode[c] as number;
        heapKey[i] = heapKey[c] as number;
        i = c;
      }
      heapNode[i] = lastNode;
      heapKey[i] = lastKey;
    }
    return top;
  };

  const ptr = new Int32Array(n);
  const stack = new Int32Array(n + 1);
  const pathArc = new Int32Array(n + 1);
  const onPath = new Int32Array(n);
  let stamp = 0;
  let flow = 0;
  let total = 0;
  while (flow < maxFlow) {
    dist.fill(Infinity);
    done.fill(0);
    dist[source] = 0;
    heapPush(source, 0);
    while (heapNode.length > 0) {
      const key = heapKey[0] as number;
      const u = heapPop();
      if (done[u] || key > (dist[u] as number)) continue;
      done[u] = 1;
      for (let k = start[u] as number; k < (start[u + 1] as number); k++) {
        const r = adj[k] as number;
        if ((cap[r] as number) <= 0) continue;
        const v = head[r] as number;
        if (done[v]) continue;
        const nd = key + (cost[r] as number) + (pot[u] as number) - (pot[v] as number);
        if (nd < (dist[v] as number)) {
          dist[v] = nd;
          predArc[v] = r;
          heapPush(v, nd);
        }
      }
    }
    if ((dist[sink] as number) === Infinity) break;
    const dSink = dist[sink] as number;
    for (let i = 0; i < n; i++) pot[i] = (pot[i] as number) + Math.min(dist[i] as number, dSink);
    const pathCost = (pot[sink] as number) - (pot[source] as number);
    if (options.stopAtNonNegative && pathCost >= 0) break;
    // Every path of zero reduced cost is now a shortest one: augment along as many as a
    // depth-first search with current-arc pointers finds (primal–dual), then search again.
    for (let i = 0; i < n; i++) ptr[i] = start[i] as number;
    stamp++;
    let paths = 0;
    while (flow < maxFlow) {
      let depth = 0;
      stack[0] = source;
      onPath[source] = stamp;
      let reached = false;
      while (depth >= 0) {
        const u = stack[depth] as number;
        if (u === sink) {
          reached = true;
          break;
        }
        const end = start[u + 1] as number;
        const pu = pot[u] as number;
        let k = ptr[u] as number;
        for (; k < end; k++) {
          const r = adj[k] as number;
          if ((cap[r] as number) <= 0) continue;
          const v = head[r] as number;
          if (onPath[v] === stamp) continue;
          if ((cost[r] as number) + pu - (pot[v] as number) !== 0) continue;
          break;
        }
        ptr[u] = k;
        if (k === end) {
          // A dead end for this phase.
          depth--;
          if (depth >= 0) ptr[stack[depth] as number] = (ptr[stack[depth] as number] as number) + 1;
          continue;
        }
        const r = adj[k] as number;
        const v = head[r] as number;
        pathArc[depth] = r;
        stack[++depth] = v;
        onPath[v] = stamp;
      }
      if (!reached) break;
      paths++;
      let push = maxFlow - flow;
      for (let t = 0; t < depth; t++) push = Math.min(push, cap[pathArc[t] as number] as number);
      for (let t = 0; t < depth; t++) {
        const r = pathArc[t] as number;
        cap[r] = (cap[r] as number) - push;
        cap[r ^ 1] = (cap[r ^ 1] as number) + push;
      }
      flow += push;
      total += push * pathCost;
      // Leave the path's nodes for the next search of this phase.
      for (let t = 1; t <= depth; t++) onPath[stack[t] as number] = 0;
      stamp++;
      onPath[source] = stamp;
    }
    if (paths === 0) {
      // Rounding hid the zero reduced costs: augment along the search's own path.
      let push = maxFlow - flow;
      for (let v = sink; v !== source; ) {
        const r = predArc[v] as number;
        push = Math.min(push, cap[r] as number);
        v = head[r ^ 1] as number;
      }
      for (let v = sink; v !== source; ) {
        const r = predArc[v] as number;
        cap[r] = (cap[r] as number) - push;
        cap[r ^ 1] = (cap[r ^ 1] as number) + push;
        v = head[r ^ 1] as number;
      }
      flow += push;
      total += push * pathCost;
    }
  }
  const arcFlow = new Float64Array(m);
  for (let e = 0; e < m; e++) arcFlow[e] = cap[2 * e + 1] as number;
  return { flow, cost: total, arcFlow, potential: pot };
}
