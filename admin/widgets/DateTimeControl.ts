import type { CmsWidgetControlProps } from 'decap-cms-core';
import { createElement as h, useEffect, useImperativeHandle, type Ref } from 'react';
import { formatDateTime, type Digits } from '../../src/i18n/dates.ts';
import { label } from '../labels.ts';
import { daysInMonth, parseInstant, wallTime, zonedIso, type WallTime } from '../lib/zoned-time.ts';

type Props = { ref?: Ref<object> } & CmsWidgetControlProps<string | Date> & {
		setActiveStyle?: () => void;
		setInactiveStyle?: () => void;
		field: { get(key: string): unknown };
		entry?: { get(key: string): unknown };
	};

/** The newsroom's clock: its time zone and the digits of its Arabic pages (content/settings/site.yml). */
export interface NewsroomClock {
	timeZone: string;
	digits: Digits;
}

type Part = keyof WallTime;

/**
 * A date-time field in Arabic that reads and writes the newsroom's time zone whatever the
 * browser's: selects for day, month (by name), year, hour and minute in the site's digits, «الآن»
 * and «امسح», and a line saying when the story appears, «مجدول» when that is in the future.
 * Decap's own widget shows the browser's zone and an English picker (12/07/2026, 01:36 AM).
 * A field with `default_now: true` is set to now when a new entry opens; with `default_now: 'item'`
 * (a date inside a list, such as a correction's) when its item is added.
 */
export function dateTimeControl(clock: NewsroomClock) {
	const number = new Intl.NumberFormat(`ar-u-nu-${clock.digits}`, { useGrouping: false });
	const twoDigits = new Intl.NumberFormat(`ar-u-nu-${clock.digits}`, {
		useGrouping: false,
		minimumIntegerDigits: 2,
	});
	const monthName = new Intl.DateTimeFormat('ar-u-nu-latn', { month: 'long', timeZone: 'UTC' });
	const months = Array.from({ length: 12 }, (_, index) =>
		monthName.format(new Date(Date.UTC(2026, index, 15))),
	);

	return function DateTimeControl({
		value,
		onChange,
		forID,
		classNameWrapper,
		field,
		entry,
		setActiveStyle,
		setInactiveStyle,
		ref,
	}: Props) {
		// Decap validates through the control's ref (React 19 passes it as a prop): no check of its own here.
		useImperativeHandle(ref, () => ({}), []);
		const instant = parseInstant(value);
		const time = instant ? wallTime(instant, clock.timeZone) : undefined;
		const isNew = entry?.get('newRecord') !== false;
		useEffect(() => {
			// Only a value never set: a date the editor cleared stays cleared.
			const defaultNow = field.get('default_now');
			if (value === undefined && ((isNew && defaultNow === true) || defaultNow === 'item')) onChange(now());
		}, []); // only when the form opens

		const now = () => zonedIso(wallTime(new Date(), clock.timeZone), clock.timeZone);
		const set = (part: Part, raw: string) => {
			const base = time ?? wallTime(new Date(), clock.timeZone);
			const next = { ...base, [part]: Number(raw) };
			next.day = Math.min(next.day, daysInMonth(next.year, next.month));
			onChange(zonedIso(next, clock.timeZone));
		};
		const years = yearRange(time?.year);
		const select = (part: Part, options: Array<[number, string]>, name: string, id?: string) =>
			h(
				'select',
				{
					id,
					'aria-label': name,
					className: 'date-part',
					'data-part': part,
					value: time ? String(time[part]) : '',
					onChange: (event: { target: { value: string } }) => set(part, event.target.value),
					onFocus: setActiveStyle,
					onBlur: setInactiveStyle,
				},
				!time && h('option', { value: '' }, '—'),
				...options.map(([optionValue, text]) =>
					h('option', { key: optionValue, value: String(optionValue) }, text),
				),
			);
		const range = (from: number, to: number, format: Intl.NumberFormat) =>
			Array.from({ length: to - from + 1 }, (_, index): [number, string] => [
				from + index,
				format.format(from + index),
			]);

		return h(
			'div',
			{
				className: `${classNameWrapper} newsroom-date`,
				role: 'group',
				'aria-label': String(field.get('label') ?? ''),
			},
			h(
				'div',
				{ className: 'date-row' },
				select(
					'day',
					range(1, time ? daysInMonth(time.year, time.month) : 31, number),
					label('date.day'),
					forID,
				),
				select(
					'month',
					months.map((name, index): [number, string] => [index + 1, name]),
					label('date.month'),
				),
				select(
					'year',
					years.map((year): [number, string] => [year, number.format(year)]),
					label('date.year'),
				),
				h('span', { className: 'date-at' }, label('date.at')),
				h(
					'span',
					{ className: 'date-clock', dir: 'ltr' },
					select('hour', range(0, 23, twoDigits), label('date.hour')),
					h('span', { 'aria-hidden': true }, ':'),
					select('minute', range(0, 59, twoDigits), label('date.minute')),
				),
				h(
					'button',
					{ type: 'button', className: 'date-button', onClick: () => onChange(now()) },
					label('date.now'),
				),
				h(
					'button',
					{ type: 'button', className: 'date-button', onClick: () => onChange('') },
					label('date.clear'),
				),
			),
			h(StateLine, { instant, clock }),
		);
	};
}

/** «مجدول: يظهر في 7 ديسمبر 2026، 2:30 م غرينتش+3» for a future time, the zone's name otherwise. */
function StateLine({ instant, clock }: { instant: Date | undefined; clock: NewsroomClock }) {
	if (!instant)
		return h(
			'p',
			{ className: 'date-state' },
			label('date.zone').replace('%{zone}', zoneName(clock.timeZone)),
		);
	const when = formatDateTime(instant, 'ar', clock.timeZone);
	if (instant.getTime() > Date.now())
		return h(
			'p',
			{ className: 'date-state date-scheduled', 'data-state': 'scheduled' },
			h('strong', null, label('status.scheduled')),
			` ${label('date.scheduledAt').replace('%{when}', when)}`,
		);
	return h('p', { className: 'date-state', 'data-state': 'past' }, when);
}

/** The zone's Arabic name, «توقيت المملكة العربية السعودية», not its IANA id. */
function zoneName(timeZone: string): string {
	const parts = new Intl.DateTimeFormat('ar', { timeZone, timeZoneName: 'shortGeneric' }).formatToParts(
		new Date(),
	);
	return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** Years offered: from last year to three years ahead, and the value's own year wherever it is. */
function yearRange(current: number | undefined): number[] {
	const thisYear = new Date().getFullYear();
	const years = new Set<number>();
	for (let year = thisYear - 1; year <= thisYear + 3; year++) years.add(year);
	if (current) years.add(current);
	return [...years].sort((a, b) => a - b);
}

/** The date in the preview: nothing of its own (the article preview shows the byline). */
export function DateTimePreview() {
	return null;
}
