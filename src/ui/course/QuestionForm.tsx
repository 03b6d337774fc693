import { type KeyboardEvent, useId, useState } from 'react';
import { type Answer, isComplete, placesOf, type Question } from '../../lessons';

const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th'];

interface Props {
  question: Question;
  onSubmit: (answer: Answer) => void;
}

/**
 * The prediction, asked before the run: radio buttons for a choice, one select per place for an
 * order ("1st:", "2nd:", …), a number field for a count. Keyboard only works throughout.
 *
 * Deliberately not a `<form>`: a course page's sandboxed iframe without `allow-forms` blocks form
 * submission (the submit event never fires), so the button's click and Enter in a field lock the
 * prediction in directly.
 */
export function QuestionForm({ question, onSubmit }: Props) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const [order, setOrder] = useState<string[]>(() => Array.from({ length: placesOf(question) }, () => ''));
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState('');

  const draft = (): Answer | null => {
    if (question.kind === 'choice') return choice || null;
    if (question.kind === 'order') return order;
    return number.trim() === '' ? null : Number(number);
  };

  const submit = () => {
    const answer = draft();
    if (question.kind === 'order' && new Set(order.filter(Boolean)).size < order.filter(Boolean).length) {
      return setProblem('Each place needs a different answer.');
    }
    if (!isComplete(question, answer)) {
      return setProblem(
        question.kind === 'choice'
          ? 'Pick one answer first.'
          : question.kind === 'order'
            ? 'Fill every place first.'
            : `Type a whole number from ${question.min} to ${question.max}.`,
      );
    }
    setProblem('');
    onSubmit(answer);
  };

  // Enter in a radio or number field submits, as it would in a form; on a select it keeps its own meaning.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      submit();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Enter is handled for the inputs inside, which are the interactive elements
    <div className="question-form" onKeyDown={onKeyDown}>
      <fieldset aria-describedby={problem ? `${id}-problem` : undefined}>
        <legend>{question.prompt}</legend>
        {question.kind === 'choice' &&
          question.options.map((o) => (
            <label key={o.value} className="choice">
              <input type="radio" name={`${id}-choice`} value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} />
              {o.label}
            </label>
          ))}
        {question.kind === 'order' && (
          <ol className="order-places">
            {order.map((value, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: places are positions, fixed for the question
              <li key={i}>
                <label>
                  <span className="place">{ORDINALS[i] ?? `${i + 1}th`}:</span>{' '}
                  <select value={value} onChange={(e) => setOrder(order.map((v, j) => (j === i ? e.target.value : v)))}>
                    <option value="">Choose…</option>
                    {question.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ol>
        )}
        {question.kind === 'number' && (
          <label className="number-answer">
            Your answer{' '}
            <input
              type="number"
              inputMode="numeric"
              min={question.min}
              max={question.max}
              step={1}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />{' '}
            <span className="hint">
              ({question.min} to {question.max})
            </span>
          </label>
        )}
      </fieldset>
      {problem && (
        <p id={`${id}-problem`} className="form-problem" role="alert">
          <span aria-hidden="true">⚠</span> {problem}
        </p>
      )}
      <button type="button" className="primary" onClick={submit}>
        Lock in my prediction and run it
      </button>
    </div>
  );
}
