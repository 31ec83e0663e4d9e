// Apache ECharts (from its WebJar) on canvas. Each chart gets a text alternative: the container is an
// image with a label, and every chart sits next to a table or list with the same numbers.
import * as echarts from './lib/echarts.esm.min.js';
import { h } from './dom.js';

/** Colours of the maturity levels 0–4, the same as the heatmap's (app.css). */
export const LEVEL_COLOURS = ['#f28b82', '#fbbc74', '#fde68a', '#a7d98b', '#4fb06d'];
const SERIES_COLOURS = ['#1f4e8c', '#c2571a', '#2e7d4f', '#7b3fa0', '#8a6d00', '#0f7c8c'];

const resizer = new ResizeObserver(entries => entries.forEach(entry => echarts.getInstanceByDom(entry.target)?.resize()));

/** A chart container; the chart is drawn once the container is in the document. */
export function chart(label, option, className = 'chart') {
    const container = h('div', { className, role: 'img', 'aria-label': label });
    requestAnimationFrame(() => {
        const instance = echarts.init(container, null, { renderer: 'canvas' });
        instance.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, color: SERIES_COLOURS, ...option });
        resizer.observe(container);
    });
    return container;
}

export function levelDistributionChart(distribution) {
    const levels = [0, 1, 2, 3, 4].map(level => distribution[`level${level}`]);
    return chart(`Companies per maturity level: ${levels.map((count, level) => `level ${level}: ${count}`).join(', ')}, suppressed: ${distribution.suppressed}`, {
        grid: { left: 40, right: 16, top: 24, bottom: 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: ['0', '1', '2', '3', '4', 'suppressed'], axisLabel: { interval: 0 }, name: 'level', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{
            type: 'bar',
            data: [...levels.map((count, level) => ({ value: count, itemStyle: { color: LEVEL_COLOURS[level] } })),
                { value: distribution.suppressed, itemStyle: { color: '#9aa3ae' } }],
            label: { show: true, position: 'top' },
        }],
    });
}

/** A histogram of scores 0–4 in bins of 0.5. */
export function scoreHistogram(scores) {
    const bins = Array.from({ length: 8 }, () => 0);
    scores.forEach(score => bins[Math.min(7, Math.floor(Number(score) * 2))]++);
    const labels = bins.map((_, index) => `${(index / 2).toFixed(1)}–${((index + 1) / 2).toFixed(1)}`);
    return chart(`Overall scores: ${bins.map((count, index) => `${labels[index]}: ${count}`).join(', ')}`, {
        grid: { left: 40, right: 16, top: 24, bottom: 48 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30, interval: 0 }, name: 'overall score', nameLocation: 'middle', nameGap: 36 },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: bins.map((count, index) => ({ value: count, itemStyle: { color: LEVEL_COLOURS[Math.floor(index / 2)] } })) }],
    });
}

/** Lines over time: one series per name, points [instant, score]. */
export function trendChart(label, series) {
    return chart(label, {
        grid: { left: 40, right: 16, top: 40, bottom: 32 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', min: 0, max: 4 },
        series: series.map(({ name, points, width }) => ({ name, type: 'line', data: points, symbolSize: 8, lineStyle: { width: width ?? 2 } })),
    }, 'chart chart-tall');
}

/** Grouped bars: one group per category, one bar per series; an optional reference line series. */
export function groupedBars(label, categories, series, reference) {
    const bars = series.map(({ name, values }) => ({ name, type: 'bar', data: values.map(value => value === null ? null : Number(value)) }));
    if (reference) {
        bars.push({ name: reference.name, type: 'line', data: reference.values.map(value => value === null ? null : Number(value)),
            symbol: 'diamond', symbolSize: 10, lineStyle: { type: 'dashed', color: '#4a5260' }, itemStyle: { color: '#4a5260' } });
    }
    return chart(label, {
        grid: { left: 40, right: 16, top: 40, bottom: 32 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', min: 0, max: 4 },
        series: bars,
    }, 'chart chart-tall');
}

/** Horizontal bars of criteria levels (0–4) with their targets as markers. */
export function criterionLevels(label, criteria) {
    return chart(label, {
        grid: { left: 56, right: 24, top: 28, bottom: 24 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        xAxis: { type: 'value', min: 0, max: 4, interval: 1 },
        yAxis: { type: 'category', data: criteria.map(criterion => criterion.code), inverse: true },
        series: [
            { name: 'effective level', type: 'bar', data: criteria.map(criterion => criterion.effectiveLevel === null ? null
                : { value: criterion.effectiveLevel, itemStyle: { color: LEVEL_COLOURS[criterion.effectiveLevel] } }) },
            { name: 'target', type: 'scatter', symbol: 'diamond', symbolSize: 12, itemStyle: { color: '#1b1f24' }, data: criteria.map((criterion, index) => [criterion.target, index]) },
        ],
    }, 'chart chart-small');
}
