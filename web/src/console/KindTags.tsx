import { Tag } from 'antd';
import { useMessages } from './messages';

/** Who a catalogue type is for: 自然人 (blue) and/or 法人 (gold). */
export function KindTags({ kinds }: { kinds: readonly string[] }) {
  const c = useMessages();
  return (
    <>
      {kinds.map((k) => (
        <Tag key={k} color={k === 'person' ? 'blue' : 'gold'}>
          {k === 'person' ? c.person : c.organization}
        </Tag>
      ))}
    </>
  );
}
