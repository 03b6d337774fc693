// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { renderApp, setUpApp } from './helpers';

setUpApp();
afterEach(() => vi.useRealTimers());

let broken = true;
function Boom() {
  if (broken) throw new Error('boom');
  return <p>recovered</p>;
}

const clock = () => within(screen.getByRole('region', { name: 'Playback' })).getByText(/^t = /);
const position = () => screen.getByText(/event \d+ of \d+/).textContent ?? '';

describe('playback', () => {
  it('plays one story event per 900 ms at 1×, faster at 4×, and pauses', () => {
    vi.useFakeTimers();
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(900));
    expect(position()).toMatch(/^event 1 of/);
    act(() => vi.advanceTimersByTime(900));
    expect(position()).toMatch(/^event 2 of/);

    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '4' } });
    act(() => vi.advanceTimersByTime(225));
    expect(position()).toMatch(/^event 3 of/);

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => vi.advanceTimersByTime(5000));
    expect(position()).toMatch(/^event 3 of/);
  });

  it('stops by itself at the end', () => {
    vi.useFakeTimers();
    renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    for (let i = 0; i < 100; i++) act(() => vi.advanceTimersByTime(200));
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    const [at, of] = position().match(/\d+/g) ?? [];
    expect(at).toBe(of);
  });

  it('is driven by the keyboard: arrows step, Space plays, Home restarts, End jumps', async () => {
    const app = renderApp();
    await app.user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(position()).toMatch(/^event 3 of/);
    await app.user.keyboard('{ArrowLeft}');
    expect(position()).toMatch(/^event 2 of/);
    await app.user.keyboard('{End}');
    const [at, of] = position().match(/\d+/g) ?? [];
    expect(at).toBe(of);
    await app.user.keyboard('{Home}');
    expect(position()).toMatch(/^event 0 of/);
    await app.user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await app.user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('leaves the keys alone while the learner types in a field', async () => {
    const app = renderApp();
    await app.user.click(screen.getByRole('spinbutton', { name: 'Seed' }));
    await app.user.keyboard('{ArrowRight}{ArrowRight}');
    expect(position()).toMatch(/^event 0 of/);
  });

  it('scrubs to any stop, showing virtual time', () => {
    renderApp();
    const scrubber = screen.getByRole('slider', { name: 'Scrub through the run' });
    const max = scrubber.getAttribute('max');
    fireEvent.change(scrubber, { target: { value: max } });
    expect(position()).toBe(`event ${max} of ${max}`);
    expect(clock()).toHaveTextContent(/^t = [1-9]\.\d\d s$/);
    fireEvent.change(scrubber, { target: { value: '0' } });
    expect(clock()).toHaveTextContent('t = 0.00 s');
  });
});

describe('errors', () => {
  it('a crashing view shows "Something went wrong" with a Restart button instead of a blank page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    broken = true;
    render(
      <ErrorBoundary>
        <Boom />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong: boom');
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(screen.getByText('recovered')).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});
