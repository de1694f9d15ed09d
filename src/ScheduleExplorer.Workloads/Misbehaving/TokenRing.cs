namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Players pass a token around a ring with one <see cref="AutoResetEvent"/> each (ping-pong for 2 players).
/// Only the token holder touches the plain <c>_token</c> field, so the increments need no lock.
/// </summary>
internal sealed class TokenRing : IDisposable
{
    private readonly AutoResetEvent[] _turns;
    private readonly int _rounds;
    private long _token;

    /// <summary>Creates a ring of <paramref name="players"/>; player 0 holds the token first.</summary>
    public TokenRing(int players, int rounds)
    {
        _rounds = rounds;
        _turns = new AutoResetEvent[players];
        for (var i = 0; i < players; i++)
        {
            _turns[i] = new AutoResetEvent(i == 0);
        }
    }

    /// <summary>Number of times the token was passed; read after the joins.</summary>
    public long Token => _token;

    /// <summary>Player thread body: waits for its turn, bumps the token, wakes the next player.</summary>
    /// <exception cref="InvalidOperationException">The player got the turn out of order.</exception>
    public void Play(int player)
    {
        var next = _turns[(player + 1) % _turns.Length];
        for (var round = 0; round < _rounds; round++)
        {
            _turns[player].WaitOne();

            // Turns go 0, 1, ..., n-1, 0, ...: the holder's number is the token modulo n.
            if (_token % _turns.Length != player)
            {
                throw new InvalidOperationException(
                    $"Player {player} got the turn when the token was at {_token}");
            }

            _token += 1;
            next.Set();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var turn in _turns)
        {
            turn.Dispose();
        }
    }
}
