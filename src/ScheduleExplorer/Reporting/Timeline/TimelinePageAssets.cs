namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>The inline style and script of the page <see cref="TimelineHtml"/> writes (no network resources).</summary>
internal static class TimelinePageAssets
{
    /// <summary>The page's CSS.</summary>
    public const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #1d1d1f; }
        h1 { font-size: 16px; margin: 0 0 6px; }
        .bug { background: #fdecea; border-left: 4px solid #c62828; padding: 6px 10px; margin: 6px 0; white-space: pre-wrap; }
        .legend { color: #555; }
        .legend .box { display: inline-block; width: 12px; height: 12px; background: #5b7fb9; vertical-align: middle; border: 2px solid transparent; }
        .legend .box.race { background: #e67e22; border-color: #b34700; }
        .legend .box.deadlock { background: #c62828; border-color: #7f0000; }
        .legend .box.failure { background: #8e24aa; border-color: #4a0072; }
        .legend .box.preempt { border-color: #111; }
        .legend .arrow { color: #2e7d32; font-weight: bold; }
        button { font: inherit; width: 28px; margin-left: 2px; }
        .timeline { display: flex; border: 1px solid #ccc; margin: 8px 0 16px; }
        .labels { flex: none; background: #fafafa; border-right: 1px solid #ccc; }
        .lane-label { height: 26px; line-height: 26px; padding: 0 8px; white-space: nowrap; font-size: 13px; }
        .scroll { overflow-x: auto; flex: auto; }
        rect.lane.even { fill: #f4f6fa; } rect.lane.odd { fill: #ffffff; }
        rect.state.ready { fill: #c8d0dc; } rect.state.blocked { fill: #e0b0b0; }
        rect.step { fill: #5b7fb9; cursor: pointer; }
        rect.step.race { fill: #e67e22; stroke: #b34700; stroke-width: 2; }
        rect.step.deadlock { fill: #c62828; stroke: #7f0000; stroke-width: 2; }
        rect.step.failure { fill: #8e24aa; stroke: #4a0072; stroke-width: 2; }
        rect.step.preempt { stroke: #111; stroke-width: 2; }
        rect.step.selected { stroke: #ffd600; stroke-width: 3; }
        line.wake { stroke: #2e7d32; stroke-width: 1.5; } path.head { fill: #2e7d32; }
        text.tick { font-size: 10px; fill: #777; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { border-bottom: 1px solid #eee; padding: 2px 8px; text-align: left; vertical-align: top; }
        tr.race td { background: #fdebd0; } tr.deadlock td { background: #f8d7d7; } tr.failure td { background: #efd5f5; }
        tr.selected td { outline: 2px solid #ffd600; }
        code { font: 12px ui-monospace, monospace; white-space: pre; }
        td:nth-child(2), td:nth-child(3), td:nth-child(4) { white-space: nowrap; }
        """;

    /// <summary>The page's script: zoom (buttons, Ctrl+wheel) and selecting a step's table row.</summary>
    public const string Script = """
        (function () {
          var chart = document.getElementById('chart');
          var span = +chart.getAttribute('data-span');
          var cell = 14;
          function layout() {
            chart.setAttribute('width', span * cell);
            chart.querySelectorAll('[data-x]').forEach(function (e) {
              e.setAttribute('x', e.getAttribute('data-x') * cell);
              if (e.hasAttribute('data-w')) { e.setAttribute('width', e.getAttribute('data-w') * cell); }
              else if (e.classList.contains('step')) { e.setAttribute('width', Math.max(1, cell - 2)); }
            });
            chart.querySelectorAll('line.wake').forEach(function (e) {
              e.setAttribute('x1', e.getAttribute('data-x1') * cell + cell / 2);
              e.setAttribute('x2', e.getAttribute('data-x2') * cell + cell / 2);
            });
          }
          function zoom(factor) { cell = Math.min(80, Math.max(1, cell * factor)); layout(); }
          document.getElementById('zoom-in').addEventListener('click', function () { zoom(1.5); });
          document.getElementById('zoom-out').addEventListener('click', function () { zoom(1 / 1.5); });
          document.getElementById('scroll').addEventListener('wheel', function (e) {
            if (e.ctrlKey) { e.preventDefault(); zoom(e.deltaY < 0 ? 1.25 : 0.8); }
          }, { passive: false });
          chart.addEventListener('click', function (e) {
            var step = e.target.getAttribute && e.target.getAttribute('data-step');
            if (!step) { return; }
            document.querySelectorAll('.selected').forEach(function (s) { s.classList.remove('selected'); });
            e.target.classList.add('selected');
            var row = document.getElementById('step-' + step);
            if (row) { row.classList.add('selected'); row.scrollIntoView({ block: 'center' }); }
          });
          if (span > 0 && chart.parentNode.clientWidth > 0) {
            cell = Math.max(2, Math.min(14, Math.floor(chart.parentNode.clientWidth / span)));
            if (span * 14 <= chart.parentNode.clientWidth) { cell = Math.min(28, Math.floor(chart.parentNode.clientWidth / span)); }
          }
          layout();
          document.body.setAttribute('data-ready', 'true');
        })();
        """;
}
