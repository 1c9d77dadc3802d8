import { Selector, type SelectorProps } from 'antd-mobile';

/**
 * antd-mobile's Selector for a required single choice: tapping the chosen option again keeps it
 * chosen instead of leaving the field empty.
 */
export function SingleSelector<V extends string>(props: SelectorProps<V>) {
  const { onChange, ...rest } = props;
  return (
    <Selector<V>
      {...rest}
      onChange={(value, extend) => {
        if (value.length) onChange?.(value, extend);
      }}
    />
  );
}
