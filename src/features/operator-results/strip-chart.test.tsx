import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StripChart, type ChartStep } from './strip-chart';

const step = (id: string, position: number, number: number, changed = true): ChartStep => ({
  id,
  position,
  number,
  label: String(number),
  changed,
  filtered: false,
  tally: undefined,
  title: `${number}, message ${position}`,
  description: `${number} #${position}`,
});

describe('StripChart with a number', () => {
  const steps = [step('a', 5, 2), step('b', 10, 4), step('c', 20, 4, false)];

  it('draws a step line from the conversation start, each level up to its run, higher values higher', () => {
    const { container } = render(
      <StripChart label="Score over the conversation" steps={steps} total={20} selectedId={null} onSelect={() => {}} />,
    );
    const path = container.querySelector('path')!.getAttribute('d');
    // x in percent of the conversation (message 5 of 20 = 25), y from 34 (lowest) to 6 (highest).
    expect(path).toBe('M 0 34 H 25 V 6 H 50 V 6 H 100');
    // The scale's ends are named beside it.
    expect(screen.getByText('4')).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
  });

  it('is a list of steps, each a button that selects its run, placed at its message', async () => {
    const onSelect = vi.fn();
    render(<StripChart label="Score over the conversation" steps={steps} total={20} selectedId="b" onSelect={onSelect} />);
    const list = screen.getByRole('list', { name: 'Score over the conversation' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['2 #5', '4 #10', '4 #20']);
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    expect(buttons.map((button) => button.closest('li')!.style.left)).toEqual(['25%', '50%', '100%']);
    await userEvent.click(buttons[0]!);
    expect(onSelect).toHaveBeenLastCalledWith('a');
    await userEvent.click(buttons[1]!);
    expect(onSelect).toHaveBeenLastCalledWith(null);
    expect(screen.getByText(/after message 10 of 20; the operator had not seen the shaded part/)).toBeInTheDocument();
  });
});
