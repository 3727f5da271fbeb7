import { Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { COMMON_PURPOSES } from './ProofParts';
import { useProofWords } from './proof-messages';

const OTHER = 'other';

/**
 * 用途: one tap on a common purpose, or 其他 and the applicant's own words. The value is the text
 * printed on the proof (Chinese in either language); a form item's value and onChange.
 */
export function PurposeChooser({ value, onChange, size, label }: { value?: string; onChange?: (purpose: string) => void; size?: 'middle' | 'large'; label: string }) {
  const w = useProofWords();
  const common = (COMMON_PURPOSES as readonly string[]).includes(value ?? '');
  const [other, setOther] = useState(!common && Boolean(value));
  // A form reset clears the value: back to no choice.
  useEffect(() => {
    if (value === undefined) setOther(false);
  }, [value]);
  return (
    <div className="purpose-chooser">
      <Radio.Group
        value={other ? OTHER : common ? value : undefined}
        onChange={(e) => {
          const chosen = String(e.target.value);
          setOther(chosen === OTHER);
          onChange?.(chosen === OTHER ? '' : chosen);
        }}
        optionType="button"
        buttonStyle="solid"
        size={size}
        aria-label={label}
        data-testid="purpose-choices"
      >
        {COMMON_PURPOSES.map((p) => (
          <Radio.Button key={p} value={p}>
            {w[`purpose.${p}`]}
          </Radio.Button>
        ))}
        <Radio.Button value={OTHER}>{w.purposeOther}</Radio.Button>
      </Radio.Group>
      {other ? (
        <Input
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          maxLength={200}
          size={size}
          placeholder={w.purposeOtherHint}
          aria-label={w.purposeOtherHint}
          autoFocus
          data-testid="purpose-other"
        />
      ) : null}
    </div>
  );
}
