import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestDirection, decodeDirections, encodeDirections, guessDirection, keyTokens, type BestDirection } from './best-direction.ts';

describe('keyTokens', () => {
  it('splits on separators and camelCase boundaries, lower-cased', () => {
    expect(keyTokens('val_loss')).toEqual(['val', 'loss']);
    expect(keyTokens('train/epochLoss')).toEqual(['train', 'epoch', 'loss']);
    expect(keyTokens('HTTPError rate')).toEqual(['http', 'error', 'rate']);
    expect(keyTokens('eval.f1-Score')).toEqual(['eval', 'f1', 'score']);
    expect(keyTokens('trainRMSE')).toEqual(['train', 'rmse']);
    expect(keyTokens('__')).toEqual([]);
  });
});

describe('guessDirection', () => {
  it.each([
    'loss',
    'val_loss',
    'valloss',
    'train/epochLoss',
    'logloss',
    'rmse',
    'test_RMSE',
    'mae',
    'mse',
    'mape',
    'smape',
    'rmsle',
    'error',
    'top1_error',
    'err',
    'val-err',
    'perplexity',
    'ppl',
    'wer',
    'cer',
    'fpr',
    'fnr',
    'latency_ms',
    'mean_fit_time',
    'epochDuration',
    'seconds',
    'cost',
    'rank_test_score',
    'std_test_score',
    'nll',
    'bpd',
    'distance',
    'regret',
  ])('lower is better for %s', (key) => {
    expect(guessDirection(key)).toBe('min');
  });

  it.each([
    'accuracy',
    'acc',
    'f1',
    'f1_macro',
    'auc',
    'roc_auc',
    'r2',
    'r2_score',
    'score',
    'precision',
    'recall',
    'mean_test_score',
    'split0_test_score',
    'throughput',
    'epoch',
    'timestamp',
    'mistake',
  ])('higher is better for %s', (key) => {
    expect(guessDirection(key)).toBe('max');
  });
});

describe('bestDirection', () => {
  it('prefers an override to the guess', () => {
    expect(bestDirection('rmse', { rmse: 'max' })).toBe('max');
    expect(bestDirection('accuracy', { rmse: 'max' })).toBe('max');
    expect(bestDirection('rmse', {})).toBe('min');
  });

  it('ignores inherited properties', () => {
    expect(bestDirection('toString', {})).toBe('max');
    expect(bestDirection('__proto__', {})).toBe('max');
  });
});

describe('encodeDirections / decodeDirections', () => {
  it('writes keys percent-encoded and sorted', () => {
    expect(encodeDirections({ rmse: 'max', 'acc,x': 'min' })).toBe('acc%2Cx:min,rmse:max');
    expect(encodeDirections({ 'a:b%c': 'min' })).toBe('a%3Ab%25c:min');
    expect(encodeDirections({})).toBe('');
  });

  it('reads the URL form back', () => {
    expect(decodeDirections('rmse:max,acc%2Cx:min')).toEqual({ rmse: 'max', 'acc,x': 'min' });
    expect(decodeDirections(encodeDirections({ 'a\uD800b': 'min', 'é/ü': 'max' }))).toEqual({ 'a\uD800b': 'min', 'é/ü': 'max' });
  });

  it('drops malformed parts and keeps the rest', () => {
    expect(decodeDirections('')).toEqual({});
    expect(decodeDirections('rmse,acc:up,:,f1:min,%E0%A4:max,loss:MAX,,auc:max')).toEqual({ f1: 'min', auc: 'max' });
  });

  it('keeps a key named __proto__ as an own property', () => {
    const decoded = decodeDirections('__proto__:min');
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect(bestDirection('__proto__', decoded)).toBe('min');
  });

  it('property: round-trips any keys', () => {
    const direction = fc.constantFrom<BestDirection>('min', 'max');
    const overrides = fc.dictionary(fc.string({ unit: 'binary' }), direction).map((record) => Object.fromEntries(Object.entries(record)));
    fc.assert(
      fc.property(overrides, (record) => {
        const text = encodeDirections(record);
        expect(decodeDirections(text)).toEqual(record);
        // Equal states give equal URLs, whatever order the keys were set in.
        expect(encodeDirections(Object.fromEntries(Object.entries(record).reverse()))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('property: decoding never throws and yields only min or max', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const decoded = decodeDirections(text);
        expect(Object.values(decoded).every((value) => value === 'min' || value === 'max')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
