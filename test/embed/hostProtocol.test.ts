import { describe, expect, it } from "vitest";
import {
	createHostBridge,
	type HostWindowLike,
	type IncomingCommand,
	loadRefusal,
	type MessageEventLike,
	parseIncomingMessage,
} from "../../src/embed/hostMessages";
import { MAX_QUERY_LENGTH } from "../../src/embed/urlSchema";

// The course-page protocol beyond play/pause/reset/load: seek, ping, and answers to load.

const HOST = "https://school.example";

/** A frame's window whose parent records what is posted to it. */
function fakeWindow() {
	const posted: { message: unknown; targetOrigin: string }[] = [];
	const listeners = new Set<(event: MessageEventLike) => void>();
	const parent = {
		postMessage: (message: unknown, targetOrigin: string) =>
			void posted.push({ message, targetOrigin }),
	};
	const win: HostWindowLike = {
		parent,
		addEventListener: (_t, l) => listeners.add(l),
		removeEventListener: (_t, l) => listeners.delete(l),
	};
	const dispatch = (event: MessageEventLike) => {
		for (const l of listeners) l(event);
	};
	return { win, parent, posted, dispatch };
}

describe("seek and load refusals", () => {
	it("accepts seek with a whole stop number from 0 only", () => {
		expect(
			parseIncomingMessage({ source: "saga-sim", type: "seek", step: 3 }, HOST),
		).toEqual({ type: "seek", step: 3 });
		for (const step of [-1, 1.5, "3", Number.NaN, 1e9, null]) {
			expect(
				parseIncomingMessage({ source: "saga-sim", type: "seek", step }, HOST),
			).toBeNull();
		}
		expect(
			parseIncomingMessage({ source: "saga-sim", type: "seek" }, HOST),
		).toBeNull();
	});

	it("says why a load it cannot obey is refused", () => {
		expect(
			loadRefusal({ source: "saga-sim", type: "load", params: "seed=2" }),
		).toBeNull();
		expect(loadRefusal({ source: "saga-sim", type: "play" })).toBeNull();
		expect(loadRefusal("load")).toBeNull();
		expect(loadRefusal({ source: "saga-sim", type: "load" })?.[0]).toMatch(
			/exactly the keys source, type and params/,
		);
		expect(
			loadRefusal({ source: "saga-sim", type: "load", params: 42 })?.[0],
		).toMatch(/query string .* or a flat object of string values/);
		expect(
			loadRefusal({
				source: "saga-sim",
				type: "load",
				params: "x".repeat(MAX_QUERY_LENGTH + 1),
			})?.[0],
		).toMatch(/longer than/);
	});
});

describe("the bridge answers the protocol", () => {
	it("answers ping with ready, an obeyed load with loaded, and a malformed load with load-failed", () => {
		const w = fakeWindow();
		const got: IncomingCommand[] = [];
		createHostBridge({
			win: w.win,
			parentOrigin: HOST,
			onCommand: (c) => got.push(c),
		});
		w.dispatch({
			data: { source: "saga-sim", type: "ping" },
			origin: HOST,
			source: w.parent,
		});
		w.dispatch({
			data: { source: "saga-sim", type: "load", params: "seed=4&bogus=1" },
			origin: HOST,
			source: w.parent,
		});
		w.dispatch({
			data: { source: "saga-sim", type: "load", params: 42 },
			origin: HOST,
			source: w.parent,
		});
		w.dispatch({
			data: { source: "saga-sim", type: "load", params: 42 },
			origin: "https://evil.example",
			source: w.parent,
		});
		expect(got.map((c) => c.type)).toEqual(["ping", "load"]);
		const types = w.posted.map((p) => (p.message as { type: string }).type);
		expect(types).toEqual(["ready", "loaded", "load-failed"]);
		expect(w.posted[1].message).toEqual({
			source: "saga-sim",
			type: "loaded",
			warnings: [expect.objectContaining({ param: "bogus" })],
		});
		expect((w.posted[2].message as { reasons: string[] }).reasons[0]).toMatch(
			/params must be/,
		);
	});
});
