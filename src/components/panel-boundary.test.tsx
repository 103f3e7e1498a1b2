import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from './panel-boundary';

/** Throws while `broken.now` is true, so a test can fix the data before pressing Retry. */
const broken = { now: true };
function Fragile() {
  if (broken.now) throw new Error('participants[0].name is a number');
  return <p>Participants are fine</p>;
}

function Page() {
  return (
    <div>
      <h1>Conversation</h1>
      <PanelBoundary name="participants">
        <Fragile />
      </PanelBoundary>
      <p>The transcript still renders</p>
    </div>
  );
}

describe('PanelBoundary', () => {
  it('shows its fallback for a child that throws while the rest of the page still renders', () => {
    // React reports errors caught by a boundary on the console; that is expected here.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    broken.now = true;
    render(<Page />);
    const fallback = screen.getByRole('alert');
    expect(screen.getByRole('heading', { level: 3, name: 'The participants could not be shown' })).toBeInTheDocument();
    expect(fallback).toHaveTextContent(
      'Something in this data is not what the viewer expected: participants[0].name is a number',
    );
    expect(screen.queryByText('Participants are fine')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Conversation' })).toBeInTheDocument();
    expect(screen.getByText('The transcript still renders')).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it('renders the child again on Retry', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    broken.now = true;
    render(<Page />);
    expect(screen.getByRole('heading', { name: 'The participants could not be shown' })).toBeInTheDocument();

    // Still broken: Retry shows the fallback again rather than a blank panel.
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('heading', { name: 'The participants could not be shown' })).toBeInTheDocument();

    broken.now = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByText('Participants are fine')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'The participants could not be shown' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('The transcript still renders')).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it('renders its children untouched when nothing throws', () => {
    broken.now = false;
    render(<Page />);
    expect(screen.getByText('Participants are fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
